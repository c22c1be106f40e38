import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { PublishTrainingModuleDto } from './training-module.dto';
import { TrainingModule } from './training-module.entity';
import { TrainingModulesService } from './training-modules.service';

@Controller('training-modules')
export class TrainingModulesController {
  constructor(private readonly modules: TrainingModulesService) {}

  @Post()
  publish(@Body() dto: PublishTrainingModuleDto): Promise<TrainingModule> {
    return this.modules.publish(dto);
  }

  @Get()
  list(): Promise<TrainingModule[]> {
    return this.modules.list();
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<TrainingModule> {
    return this.modules.get(code);
  }
}
