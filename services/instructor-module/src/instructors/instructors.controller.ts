import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import { FindInstructorsQuery, InstructorDetailsDto, RegisterInstructorDto, UnavailabilityDto } from './instructor.dto';
import type { InstructorDetailView, InstructorPage } from '@sinergi/contracts';
import { InstructorsService } from './instructors.service';

@Controller('instructors')
export class InstructorsController {
  constructor(private readonly instructors: InstructorsService) {}

  @Post()
  @Operation('instructors.create')
  register(@Body() dto: RegisterInstructorDto): Promise<InstructorDetailView> {
    return this.instructors.register(dto);
  }

  @Put(':id')
  @Operation('instructors.update')
  update(@Param('id', UuidParam) id: string, @Body() dto: InstructorDetailsDto, @CurrentCaller() caller: Caller): Promise<InstructorDetailView> {
    return this.instructors.update(id, dto, caller);
  }

  @Get()
  @Operation('instructors.list')
  find(@Query() query: FindInstructorsQuery, @CurrentCaller() caller: Caller): Promise<InstructorPage> {
    return this.instructors.find(query, caller);
  }

  @Get(':id')
  @Operation('instructors.get')
  get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<InstructorDetailView> {
    return this.instructors.get(id, caller);
  }

  @Post(':id/unavailability')
  @Operation('instructors.add-unavailability')
  @HttpCode(200)
  addUnavailability(@Param('id', UuidParam) id: string, @Body() dto: UnavailabilityDto, @CurrentCaller() caller: Caller): Promise<InstructorDetailView> {
    return this.instructors.addUnavailability(id, dto, caller);
  }
}
