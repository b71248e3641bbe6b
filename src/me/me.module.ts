import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { TeamRepository } from './team.repository';

/** The signed-in person's identity and relations (the console's entry point); owns no tables. */
@Module({ controllers: [MeController], providers: [MeService, TeamRepository] })
export class MeModule {}
