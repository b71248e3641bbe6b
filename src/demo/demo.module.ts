import { AgencyModule } from '../agency/agency.module';
import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AgencyModule, OrgModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
