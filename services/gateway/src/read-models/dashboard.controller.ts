import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiContract } from '../api/api-contract';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClassView, DeadLetterCount, InstructorLoad, NotificationOutcomes, Page, ProgrammeOverview, ProvinceFigures, VenueDay } from '@sinergi/contracts';
import { Caller, CurrentCaller, decodeCursor, InvalidInput, pageLimit, pageOf } from '@sinergi/platform';
import { ClassesQuery, InstructorLoadQuery, UtilisationQuery } from './dashboard.queries';
import { ClassRow, classView, FigureRow, figuresOf } from './dashboard.views';
import { READ_MODELS_SCHEMA } from './projection-tables';

const S = READ_MODELS_SCHEMA;
/** The statuses in which a class holds its room and instructor. */
const HELD = `('confirmed', 'running', 'completed', 'closed')`;
const MAX_UTILISATION_DAYS = 366;

/**
 * The dashboards, read only from the gateway's own projections (never from the services). Nothing here is
 * personal data (instructors appear by id only), so a masked reach sees the same figures.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/dashboard')
export class DashboardController {
  constructor(private readonly db: DataSource) {}

  @Get('programmes/:id/overview')
  @ApiContract('dashboard.programme-overview', "How a programme's classes stand: classes by status, seats, selected, confirmed, reserves, under-quorum classes")
  async overview(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ProgrammeOverview> {
    const rows = await this.figures(programmeId);
    return { programmeId, ...figuresOf(rows) };
  }

  @Get('programmes/:id/provinces')
  @ApiContract('dashboard.programme-provinces', 'The same figures per province')
  async provinces(@Param('id', new ParseUUIDPipe()) programmeId: string): Promise<ProvinceFigures[]> {
    const rows = await this.figures(programmeId);
    const provinces = [...new Set(rows.map((row) => row.province_code))].sort();
    return provinces.map((provinceCode) => ({ provinceCode, ...figuresOf(rows.filter((row) => row.province_code === provinceCode)) }));
  }

  @Get('classes')
  @ApiContract('dashboard.classes', 'Each class with venue, dates, instructor and fill')
  async classes(@Query() query: ClassesQuery, @CurrentCaller() caller: Caller): Promise<Page<ClassView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.programmeId) filter('programme_id = ?', query.programmeId);
    if (query.provinceCode) filter('province_code = ?', query.provinceCode);
    if (query.status) filter('status = ?', query.status);
    if (query.venueCode) filter('venue_code = ?', query.venueCode);
    if (caller.reach === 'own') filter('venue_code = ANY(?)', caller.principal?.venueCodes ?? []);
    if (query.cursor) filter('batch_id > ?', decodeCursor(query.cursor, 1)[0]);
    const limit = pageLimit(query);
    params.push(limit + 1);
    const rows: ClassRow[] = await this.db.query(
      `SELECT batch_id, programme_id, province_code, module_code, venue_code, room_code, instructor_id,
              start_date::text, end_date::text, status, seats, reserves, minimum_quorum, selected, confirmed, reserved, quorum_met
         FROM ${S}.classes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY batch_id LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, limit, (row) => [row.batch_id], classView);
  }

  @Get('venues/:code/utilisation')
  @ApiContract('dashboard.venue-utilisation', "A venue's classes and rooms held by day")
  async utilisation(@Param('code') venueCode: string, @Query() query: UtilisationQuery, @CurrentCaller() caller: Caller): Promise<VenueDay[]> {
    caller.assertReaches({ venueCodes: [venueCode] }, 'code');
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(days >= 0 && days < MAX_UTILISATION_DAYS)) {
      throw new InvalidInput({ field: 'to', rule: 'date-range', message: `to must be on or after from, at most ${MAX_UTILISATION_DAYS} days on` });
    }
    const rows: Array<{ day: string; classes: string; rooms: string[] }> = await this.db.query(
      `SELECT day::date::text AS day, count(c.batch_id) AS classes,
              COALESCE(array_agg(DISTINCT c.room_code) FILTER (WHERE c.room_code IS NOT NULL), '{}') AS rooms
         FROM generate_series($2::date, $3::date, interval '1 day') AS day
         LEFT JOIN ${S}.classes c ON c.venue_code = $1 AND c.status IN ${HELD} AND day BETWEEN c.start_date AND c.end_date
        GROUP BY day ORDER BY day`,
      [venueCode, query.from, query.to],
    );
    return rows.map((row) => ({ day: row.day, classes: Number(row.classes), rooms: row.rooms }));
  }

  @Get('instructors/load')
  @ApiContract('dashboard.instructor-load', 'Classes per instructor per month')
  async instructorLoad(@Query() query: InstructorLoadQuery): Promise<Page<InstructorLoad>> {
    const params: unknown[] = [];
    const where = [`instructor_id IS NOT NULL`, `status IN ${HELD}`];
    if (query.month) {
      params.push(query.month);
      where.push(`to_char(start_date, 'YYYY-MM') = $${params.length}`);
    }
    let after = '';
    if (query.cursor) {
      const [month, instructorId] = decodeCursor(query.cursor, 2);
      params.push(month, instructorId);
      after = `WHERE (month, instructor_id::text) > ($${params.length - 1}, $${params.length})`;
    }
    const limit = pageLimit(query);
    params.push(limit + 1);
    const rows: Array<{ month: string; instructor_id: string; classes: string }> = await this.db.query(
      `SELECT * FROM (
         SELECT to_char(start_date, 'YYYY-MM') AS month, instructor_id, count(*) AS classes
           FROM ${S}.classes WHERE ${where.join(' AND ')} GROUP BY 1, 2
       ) AS load ${after} ORDER BY month, instructor_id LIMIT $${params.length}`,
      params,
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.month, row.instructor_id],
      (row) => ({ month: row.month, instructorId: row.instructor_id, classes: Number(row.classes) }),
    );
  }

  @Get('notifications')
  @ApiContract('dashboard.notifications', 'Notification outcomes per channel')
  async notifications(): Promise<NotificationOutcomes[]> {
    const rows: Array<{ channel: string | null; outcome: string; count: string }> = await this.db.query(
      `SELECT channel, outcome, count(*) AS count FROM ${S}.notification_outcomes GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`,
    );
    const channels = [...new Set(rows.map((row) => row.channel))];
    return channels.map((channel) => {
      const count = (outcome: string) => Number(rows.find((row) => row.channel === channel && row.outcome === outcome)?.count ?? 0);
      return { channel, delivered: count('delivered'), failed: count('failed') };
    });
  }

  @Get('dead-letters')
  @ApiContract('dashboard.dead-letters', 'Dead letters per topic')
  async deadLetters(): Promise<DeadLetterCount[]> {
    const rows: Array<{ topic: string; dead_letters: string; counted_at: Date }> = await this.db.query(
      `SELECT topic, dead_letters, counted_at FROM ${S}.dead_letters ORDER BY topic`,
    );
    return rows.map((row) => ({ topic: row.topic, deadLetters: Number(row.dead_letters), countedAt: row.counted_at.toISOString() }));
  }

  private figures(programmeId: string): Promise<FigureRow[]> {
    return this.db.query(
      `SELECT province_code, status, count(*) AS classes, COALESCE(sum(seats), 0) AS seats, sum(selected) AS selected,
              sum(confirmed) AS confirmed, sum(reserved) AS reserved,
              count(*) FILTER (WHERE NOT quorum_met AND status IN ('confirmed', 'running')) AS under_quorum
         FROM ${S}.classes WHERE programme_id = $1 AND status IS NOT NULL GROUP BY 1, 2`,
      [programmeId],
    );
  }
}
