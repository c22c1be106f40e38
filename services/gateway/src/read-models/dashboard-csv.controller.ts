import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';
import { ApiProblems } from '../api/api-problems';
import { ApiCsvExport } from '../csv/api-csv';
import { CsvQuery, csvLanguageOf, sendCsv, viewsOf } from '../csv/csv-export';
import { ExportConnections } from '../csv/export-connections';
import {
  CLASS_COLUMNS,
  DEAD_LETTER_COLUMNS,
  INSTRUCTOR_LOAD_COLUMNS,
  NOTIFICATION_COLUMNS,
  PROVINCE_COLUMNS,
  UTILISATION_COLUMNS,
} from './dashboard-csv.columns';
import { ClassesCsvQuery, InstructorLoadCsvQuery, UtilisationCsvQuery } from './dashboard.queries';
import { classesQuery, DashboardReads, instructorLoadQuery, InstructorLoadRow, instructorLoadView } from './dashboard.reads';
import { ClassRow, classView } from './dashboard.views';

/**
 * A CSV twin of each dashboard list: the same filters, reach and views as its JSON route, every row. The open-ended
 * lists (classes, instructor load) stream from PostgreSQL through a cursor; the bounded ones (at most 38 provinces,
 * 366 days, a few channels and topics) are read as their JSON route reads them.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/dashboard')
export class DashboardCsvController {
  constructor(
    private readonly exportConnections: ExportConnections,
    private readonly reads: DashboardReads,
  ) {}

  @Get('classes.csv')
  @Operation('dashboard.classes-csv')
  @ApiCsvExport('dashboard.classes-csv', 'The classes')
  async classes(
    @Query() query: ClassesCsvQuery,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { sql, params } = classesQuery(query, caller);
    await sendCsv(
      response,
      'classes',
      csvLanguageOf(request, query),
      CLASS_COLUMNS,
      viewsOf(this.exportConnections.rows<ClassRow>(sql, params), classView),
    );
  }

  @Get('programmes/:id/provinces.csv')
  @Operation('dashboard.programme-provinces-csv')
  @ApiCsvExport('dashboard.programme-provinces-csv', "A programme's figures per province")
  async provinces(
    @Param('id', new ParseUUIDPipe()) programmeId: string,
    @Query() query: CsvQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, 'provinces', csvLanguageOf(request, query), PROVINCE_COLUMNS, await this.reads.provinces(programmeId));
  }

  @Get('venues/:code/utilisation.csv')
  @Operation('dashboard.venue-utilisation-csv')
  @ApiCsvExport('dashboard.venue-utilisation-csv', "A venue's use by day")
  async utilisation(
    @Param('code') venueCode: string,
    @Query() query: UtilisationCsvQuery,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const days = await this.reads.utilisation(venueCode, query, caller);
    await sendCsv(response, 'venue-utilisation', csvLanguageOf(request, query), UTILISATION_COLUMNS, days);
  }

  @Get('instructors/load.csv')
  @Operation('dashboard.instructor-load-csv')
  @ApiCsvExport('dashboard.instructor-load-csv', 'Classes per instructor per month')
  async instructorLoad(@Query() query: InstructorLoadCsvQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { sql, params } = instructorLoadQuery(query);
    const rows = viewsOf(this.exportConnections.rows<InstructorLoadRow>(sql, params), instructorLoadView);
    await sendCsv(response, 'instructor-load', csvLanguageOf(request, query), INSTRUCTOR_LOAD_COLUMNS, rows);
  }

  @Get('notifications.csv')
  @Operation('dashboard.notifications-csv')
  @ApiCsvExport('dashboard.notifications-csv', 'Notification outcomes per channel')
  async notifications(@Query() query: CsvQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendCsv(response, 'notifications', csvLanguageOf(request, query), NOTIFICATION_COLUMNS, await this.reads.notifications());
  }

  @Get('dead-letters.csv')
  @Operation('dashboard.dead-letters-csv')
  @ApiCsvExport('dashboard.dead-letters-csv', 'Dead letters per topic')
  async deadLetters(@Query() query: CsvQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendCsv(response, 'dead-letters', csvLanguageOf(request, query), DEAD_LETTER_COLUMNS, await this.reads.deadLetters());
  }
}
