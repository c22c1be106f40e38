import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { CODE_PATTERN } from '@sinergi/contracts';
import type { DirectoryInstructorPage, InstructorDirectoryParams } from '@sinergi/contracts';
import { keysetPage, Operation, PageQuery } from '@sinergi/platform';
import { DirectoryInstructor } from './directory-instructor.entity';

export class InstructorDirectoryQuery extends PageQuery implements InstructorDirectoryParams {
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'moduleCode must be a module code such as KWU-01: capitals and digits, then also _ . -, at most 40' })
  moduleCode?: string;
}

/** The instructors program plans with: its own copy of instructor-module's public profiles, as of the last event. */
@Controller('instructor-directory')
export class InstructorDirectoryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Operation('instructor-directory.list')
  /** Ordered by instructorId. */
  async list(@Query() query: InstructorDirectoryQuery): Promise<DirectoryInstructorPage> {
    const instructors = this.dataSource.getRepository(DirectoryInstructor).createQueryBuilder('instructor');
    if (query.moduleCode) instructors.where(':moduleCode = ANY(instructor.competencies)', { moduleCode: query.moduleCode });
    return keysetPage(instructors, query, { columns: ['instructor.instructorId'], keyOf: (row) => [row.instructorId] }, ({ updatedAt, ...profile }) => ({
      ...profile,
      updatedAt: updatedAt.toISOString(),
    }));
  }
}
