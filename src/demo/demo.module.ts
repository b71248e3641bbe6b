import { AgencyModule } from '../agency/agency.module';
import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { AllowanceModule } from '../allowance/allowance.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AgencyModule, OrgModule, AllowanceModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
