import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClassFigures, ClassView, DeadLetterCount, InstructorLoad, NotificationOutcomes, Page, ProvinceFigures, VenueDay } from '@sinergi/contracts';
import { Caller, CurrentCaller, Operation, pageLimit, pageOf } from '@sinergi/platform';
import { ClassesQuery, InstructorLoadQuery, UtilisationQuery } from './dashboard.queries';
import { classesQuery, DashboardReads, instructorLoadQuery, InstructorLoadRow, instructorLoadView } from './dashboard.reads';
import { ClassRow, classView, figuresOf } from './dashboard.views';

/**
 * The dashboards, read only from the gateway's own projections (never from the services). Nothing here is
 * personal data (instructors appear by id only), so a masked reach sees the same figures.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/dashboard')
export class DashboardController {
  constructor(
    private readonly db: DataSource,
    private readonly reads: DashboardReads,
  ) {}

  @Get('programmes/:id/overview')
  @Operation('dashboard.programme-overview')
  @ApiOperation({ operationId: 'dashboard.programme-overview' })
  async overview(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ClassFigures & { programmeId: string }> {
    const rows = await this.reads.figures(programmeId);
    return { programmeId, ...figuresOf(rows) };
  }

  @Get('programmes/:id/provinces')
  @Operation('dashboard.programme-provinces')
  @ApiOperation({ operationId: 'dashboard.programme-provinces' })
  provinces(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ProvinceFigures[]> {
    return this.reads.provinces(programmeId);
  }

  @Get('classes')
  @Operation('dashboard.classes')
  @ApiOperation({ operationId: 'dashboard.classes' })
  async classes(@Query() query: ClassesQuery, @CurrentCaller() caller: Caller): Promise<Page<ClassView>> {
    const limit = pageLimit(query);
    const { sql, params } = classesQuery(query, caller, { cursor: query.cursor, limit });
    const rows: ClassRow[] = await this.db.query(sql, params);
    return pageOf(rows, limit, (row) => [row.batch_id], classView);
  }

  @Get('venues/:code/utilisation')
  @Operation('dashboard.venue-utilisation')
  @ApiOperation({ operationId: 'dashboard.venue-utilisation' })
  utilisation(@Param('code') venueCode: string, @Query() query: UtilisationQuery, @CurrentCaller() caller: Caller): Promise<VenueDay[]> {
    return this.reads.utilisation(venueCode, query, caller);
  }

  @Get('instructors/load')
  @Operation('dashboard.instructor-load')
  @ApiOperation({ operationId: 'dashboard.instructor-load' })
  async instructorLoad(@Query() query: InstructorLoadQuery): Promise<Page<InstructorLoad>> {
    const limit = pageLimit(query);
    const { sql, params } = instructorLoadQuery(query, { cursor: query.cursor, limit });
    const rows: InstructorLoadRow[] = await this.db.query(sql, params);
    return pageOf(rows, limit, (row) => [row.month, row.instructor_id], instructorLoadView);
  }

  @Get('notifications')
  @Operation('dashboard.notifications')
  @ApiOperation({ operationId: 'dashboard.notifications' })
  notifications(): Promise<NotificationOutcomes[]> {
    return this.reads.notifications();
  }

  @Get('dead-letters')
  @Operation('dashboard.dead-letters')
  @ApiOperation({ operationId: 'dashboard.dead-letters' })
  deadLetters(): Promise<DeadLetterCount[]> {
    return this.reads.deadLetters();
  }
}
