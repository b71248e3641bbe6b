import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [OrgModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
