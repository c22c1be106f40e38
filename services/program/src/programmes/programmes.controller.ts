import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AmendProgrammeDto, LaunchProgrammeDto } from './launch-programme.dto';
import { Programme } from './programme.entity';
import { ProgrammesService } from './programmes.service';

@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  launch(@Body() dto: LaunchProgrammeDto): Promise<Programme> {
    return this.programmes.launch(dto);
  }

  @Post(':id/amendments')
  amend(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AmendProgrammeDto): Promise<Programme> {
    return this.programmes.amend(id, dto);
  }

  @Get()
  list(): Promise<Programme[]> {
    return this.programmes.list();
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Programme> {
    return this.programmes.get(id);
  }
}
