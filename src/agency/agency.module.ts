import { Module } from '@nestjs/common';
import { AgencyController } from './agency.controller';
import { AgencyRepository } from './agency.repository';
import { AgencyService } from './agency.service';

/** Agency identity for official documents; other features read it through AgencyService. */
@Module({ controllers: [AgencyController], providers: [AgencyRepository, AgencyService], exports: [AgencyService] })
export class AgencyModule {}
