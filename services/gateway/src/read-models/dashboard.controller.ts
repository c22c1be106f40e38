import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiContract } from '../api/api-contract';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClassView, DeadLetterCount, InstructorLoad, NotificationOutcomes, Page, ProgrammeOverview, ProvinceFigures, VenueDay } from '@sinergi/contracts';
import { Caller, CurrentCaller, pageLimit, pageOf } from '@sinergi/platform';
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
  @ApiContract(
    'dashboard.programme-overview',
    "How a programme's classes stand: classes by status, seats, selected, confirmed, reserves, under-quorum classes (also those still before their confirm-by day); and today's messages sent and failed",
  )
  async overview(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ProgrammeOverview> {
    const rows = await this.reads.figures(programmeId);
    return { programmeId, ...figuresOf(rows), messagesToday: await this.reads.messagesOfDay() };
  }

  @Get('programmes/:id/provinces')
  @ApiContract('dashboard.programme-provinces', 'The same figures per province')
  provinces(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ProvinceFigures[]> {
    return this.reads.provinces(programmeId);
  }

  @Get('classes')
  @ApiContract('dashboard.classes', 'Each class with venue, dates, instructor and fill')
  async classes(@Query() query: ClassesQuery, @CurrentCaller() caller: Caller): Promise<Page<ClassView>> {
    const limit = pageLimit(query);
    const { sql, params } = classesQuery(query, caller, { cursor: query.cursor, limit });
    const rows: ClassRow[] = await this.db.query(sql, params);
    return pageOf(rows, limit, (row) => [row.batch_id], classView);
  }

  @Get('venues/:code/utilisation')
  @ApiContract('dashboard.venue-utilisation', "A venue's classes and rooms held by day")
  utilisation(@Param('code') venueCode: string, @Query() query: UtilisationQuery, @CurrentCaller() caller: Caller): Promise<VenueDay[]> {
    return this.reads.utilisation(venueCode, query, caller);
  }

  @Get('instructors/load')
  @ApiContract('dashboard.instructor-load', 'Classes per instructor per month')
  async instructorLoad(@Query() query: InstructorLoadQuery): Promise<Page<InstructorLoad>> {
    const limit = pageLimit(query);
    const { sql, params } = instructorLoadQuery(query, { cursor: query.cursor, limit });
    const rows: InstructorLoadRow[] = await this.db.query(sql, params);
    return pageOf(rows, limit, (row) => [row.month, row.instructor_id], instructorLoadView);
  }

  @Get('notifications')
  @ApiContract('dashboard.notifications', 'Notification outcomes per channel')
  notifications(): Promise<NotificationOutcomes[]> {
    return this.reads.notifications();
  }

  @Get('dead-letters')
  @ApiContract('dashboard.dead-letters', 'Dead letters per topic')
  deadLetters(): Promise<DeadLetterCount[]> {
    return this.reads.deadLetters();
  }
}
