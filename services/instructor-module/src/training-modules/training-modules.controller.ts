import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { TrainingModuleView } from '@sinergi/contracts';
import { PublishTrainingModuleDto } from './training-module.dto';
import { trainingModuleView } from './training-module.views';
import { TrainingModulesService } from './training-modules.service';
import { Operation } from '@sinergi/platform';

@Controller('training-modules')
export class TrainingModulesController {
  constructor(private readonly modules: TrainingModulesService) {}

  @Post()
  @Operation('training-modules.create')
  async publish(@Body() dto: PublishTrainingModuleDto): Promise<TrainingModuleView> {
    return trainingModuleView(await this.modules.publish(dto));
  }

  @Get()
  @Operation('training-modules.list')
  async list(): Promise<TrainingModuleView[]> {
    return (await this.modules.list()).map(trainingModuleView);
  }

  @Get(':code')
  @Operation('training-modules.get')
  async get(@Param('code') code: string): Promise<TrainingModuleView> {
    return trainingModuleView(await this.modules.get(code));
  }
}
