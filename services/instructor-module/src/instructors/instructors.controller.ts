import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import { FindInstructorsQuery, InstructorDetailsDto, RegisterInstructorDto, UnavailabilityDto } from './instructor.dto';
import type { InstructorDetailView, InstructorView } from '@sinergi/contracts';
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
  update(@Param('id', UuidParam) id: string, @Body() dto: InstructorDetailsDto): Promise<InstructorDetailView> {
    return this.instructors.update(id, dto);
  }

  @Get()
  @Operation('instructors.list')
  find(@Query() query: FindInstructorsQuery): Promise<InstructorView[]> {
    return this.instructors.find(query);
  }

  @Get(':id')
  @Operation('instructors.get')
  get(@Param('id', UuidParam) id: string): Promise<InstructorDetailView> {
    return this.instructors.get(id);
  }

  @Post(':id/unavailability')
  @Operation('instructors.add-unavailability')
  @HttpCode(200)
  addUnavailability(@Param('id', UuidParam) id: string, @Body() dto: UnavailabilityDto): Promise<InstructorDetailView> {
    return this.instructors.addUnavailability(id, dto);
  }
}
