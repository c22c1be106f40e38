import { Module } from '@nestjs/common';
import { InstructorsModule } from '../instructors/instructors.module';
import { TrainingModulesModule } from '../training-modules/training-modules.module';
import { RosterConsumer } from './roster.consumer';

@Module({ imports: [TrainingModulesModule, InstructorsModule], controllers: [RosterConsumer] })
export class RosterModule {}
