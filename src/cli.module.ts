import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';
import { DemoModule } from './demo/demo.module';

/** Admin tasks run from the command line. */
@Module({ imports: [CoreModule, DemoModule] })
export class CliModule {}
