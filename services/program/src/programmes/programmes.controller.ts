import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Operation, PageQuery, UuidParam } from '@sinergi/platform';
import type { ProgrammePage, ProgrammeView } from '@sinergi/contracts';
import { AmendProgrammeDto, LaunchProgrammeDto } from './launch-programme.dto';
import { programmeView } from './programme.views';
import { ProgrammesService } from './programmes.service';

@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Operation('programmes.create')
  async launch(@Body() dto: LaunchProgrammeDto): Promise<ProgrammeView> {
    return programmeView(await this.programmes.launch(dto));
  }

  @Post(':id/amendments')
  @Operation('programmes.amend')
  async amend(@Param('id', UuidParam) id: string, @Body() dto: AmendProgrammeDto): Promise<ProgrammeView> {
    return programmeView(await this.programmes.amend(id, dto));
  }

  @Get()
  @Operation('programmes.list')
  async list(@Query() query: PageQuery): Promise<ProgrammePage> {
    return this.programmes.list(query);
  }

  @Get(':id')
  @Operation('programmes.get')
  async get(@Param('id', UuidParam) id: string): Promise<ProgrammeView> {
    return programmeView(await this.programmes.get(id));
  }
}
