import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import type { TrainingModulePage, TrainingModuleView } from '@sinergi/contracts';
import { PublishTrainingModuleDto } from './training-module.dto';
import { trainingModuleView } from './training-module.views';
import { TrainingModulesService } from './training-modules.service';
import { keysetPage, Operation, PageQuery } from '@sinergi/platform';

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
  list(@Query() query: PageQuery): Promise<TrainingModulePage> {
    return keysetPage(this.modules.listed(), query, { columns: ['module.moduleCode'], keyOf: (row) => [row.moduleCode] }, trainingModuleView);
  }

  @Get(':code')
  @Operation('training-modules.get')
  async get(@Param('code') code: string): Promise<TrainingModuleView> {
    return trainingModuleView(await this.modules.get(code));
  }
}
