import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { atHourInWib, DeadLetterCount, InstructorLoad, MessagesOfDay, NotificationOutcomes, ProvinceFigures, todayInWib, VenueDay } from '@sinergi/contracts';
import { Caller, decodeCursor, InvalidInput } from '@sinergi/platform';
import { ClassFilters, InstructorLoadFilters, UtilisationQuery } from './dashboard.queries';
import { FigureRow, figuresOf } from './dashboard.views';
import { READ_MODELS_SCHEMA } from './projection-tables';

const S = READ_MODELS_SCHEMA;
/** The statuses in which a class holds its room and instructor. */
const HELD = `('confirmed', 'running', 'completed', 'closed')`;
const MAX_UTILISATION_DAYS = 366;

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** A page's place in a list: after the cursor's key, `limit` rows (the query fetches one more to tell whether there is a next page). */
export interface PagePlace {
  cursor?: string;
  limit: number;
}

/**
 * The classes matching the filters within the caller's reach (a venue operator: its own venues), in batch id order:
 * one page of them, or all for an export.
 */
export function classesQuery(filters: ClassFilters, caller: Caller, page?: PagePlace): SqlQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.programmeId) filter('programme_id = ?', filters.programmeId);
  if (filters.provinceCode) filter('province_code = ?', filters.provinceCode);
  if (filters.status) filter('status = ?', filters.status);
  if (filters.venueCode) filter('venue_code = ?', filters.venueCode);
  if (caller.reach === 'own') filter('venue_code = ANY(?)', caller.principal?.venueCodes ?? []);
  if (page?.cursor) filter('batch_id > ?', decodeCursor(page.cursor, 1)[0]);
  let limit = '';
  if (page) {
    params.push(page.limit + 1);
    limit = `LIMIT $${params.length}`;
  }
  return {
    sql: `SELECT batch_id, programme_id, province_code, module_code, venue_code, room_code, instructor_id,
                 start_date::text, end_date::text, status, seats, reserves, minimum_quorum, selected, confirmed, reserved, quorum_met
            FROM ${S}.classes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY batch_id ${limit}`,
    params,
  };
}

export interface InstructorLoadRow {
  month: string;
  instructor_id: string;
  classes: string;
}

export function instructorLoadView(row: InstructorLoadRow): InstructorLoad {
  return { month: row.month, instructorId: row.instructor_id, classes: Number(row.classes) };
}

/** Classes per instructor per month (of the classes holding one), in month and instructor order: one page, or all. */
export function instructorLoadQuery(filters: InstructorLoadFilters, page?: PagePlace): SqlQuery {
  const params: unknown[] = [];
  const where = [`instructor_id IS NOT NULL`, `status IN ${HELD}`];
  if (filters.month) {
    params.push(filters.month);
    where.push(`to_char(start_date, 'YYYY-MM') = $${params.length}`);
  }
  let after = '';
  if (page?.cursor) {
    const [month, instructorId] = decodeCursor(page.cursor, 2);
    params.push(month, instructorId);
    after = `WHERE (month, instructor_id::text) > ($${params.length - 1}, $${params.length})`;
  }
  let limit = '';
  if (page) {
    params.push(page.limit + 1);
    limit = `LIMIT $${params.length}`;
  }
  return {
    sql: `SELECT * FROM (
            SELECT to_char(start_date, 'YYYY-MM') AS month, instructor_id, count(*) AS classes
              FROM ${S}.classes WHERE ${where.join(' AND ')} GROUP BY 1, 2
          ) AS load ${after} ORDER BY month, instructor_id ${limit}`,
    params,
  };
}

/** The dashboards whose answer is bounded (a programme's provinces, a venue's days, channels, topics), whole. */
@Injectable()
export class DashboardReads {
  constructor(private readonly db: DataSource) {}

  async provinces(programmeId: string): Promise<ProvinceFigures[]> {
    const rows = await this.figures(programmeId);
    const provinces = [...new Set(rows.map((row) => row.province_code))].sort();
    return provinces.map((provinceCode) => ({ provinceCode, ...figuresOf(rows.filter((row) => row.province_code === provinceCode)) }));
  }

  /** `today`: the day in WIB a confirm-by day is compared with. */
  figures(programmeId: string, today: string = todayInWib()): Promise<FigureRow[]> {
    return this.db.query(
      `SELECT province_code, status, count(*) AS classes, COALESCE(sum(seats), 0) AS seats, sum(selected) AS selected,
              sum(confirmed) AS confirmed, sum(reserved) AS reserved,
              count(*) FILTER (WHERE NOT quorum_met AND status IN ('confirmed', 'running')) AS under_quorum,
              count(*) FILTER (WHERE status = 'confirmed' AND confirmed < minimum_quorum AND confirm_by >= $2) AS under_quorum_before_confirm_by
         FROM ${S}.classes WHERE programme_id = $1 AND status IS NOT NULL GROUP BY 1, 2`,
      [programmeId, today],
    );
  }

  /** Messages delivered and given up on during one day in WIB (today unless told), across every programme. */
  async messagesOfDay(day: string = todayInWib()): Promise<MessagesOfDay> {
    const rows: Array<{ outcome: string; count: string }> = await this.db.query(
      `SELECT outcome, count(*) AS count FROM ${S}.notification_outcomes
        WHERE outcome_at >= $1::timestamptz AND outcome_at < $1::timestamptz + interval '1 day' GROUP BY 1`,
      [atHourInWib(day, 0)],
    );
    const count = (outcome: string) => Number(rows.find((row) => row.outcome === outcome)?.count ?? 0);
    return { day, sent: count('delivered'), failed: count('failed') };
  }

  /** Per day, the classes in the venue and the rooms they hold; a venue operator only of its own venues (else 403). */
  async utilisation(venueCode: string, query: UtilisationQuery, caller: Caller): Promise<VenueDay[]> {
    caller.assertReaches({ venueCodes: [venueCode] }, 'code');
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(days >= 0 && days < MAX_UTILISATION_DAYS)) {
      throw new InvalidInput({
        field: 'to',
        rule: 'date-range',
        message: `to must be on or after from, at most ${MAX_UTILISATION_DAYS} days on`,
      });
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

  async deadLetters(): Promise<DeadLetterCount[]> {
    const rows: Array<{ topic: string; dead_letters: string; counted_at: Date }> = await this.db.query(
      `SELECT topic, dead_letters, counted_at FROM ${S}.dead_letters ORDER BY topic`,
    );
    return rows.map((row) => ({ topic: row.topic, deadLetters: Number(row.dead_letters), countedAt: row.counted_at.toISOString() }));
  }
}
