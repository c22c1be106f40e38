import { Module } from '@nestjs/common';
import { TrainingModulesController } from './training-modules.controller';
import { TrainingModulesService } from './training-modules.service';

@Module({ controllers: [TrainingModulesController], providers: [TrainingModulesService], exports: [TrainingModulesService] })
export class TrainingModulesModule {}
