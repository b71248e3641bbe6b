import { AgencyModule } from '../agency/agency.module';
import { Module } from '@nestjs/common';
import { AllowanceModule } from '../allowance/allowance.module';
import { OrgModule } from '../org/org.module';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [AgencyModule, OrgModule, AllowanceModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
