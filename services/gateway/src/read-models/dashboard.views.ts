import { BATCH_STATUSES, BatchStatus, ClassFigures, ClassView } from '@sinergi/contracts';

/** One (province, status) group of a programme's classes, as PostgreSQL sums it (bigints come as text). */
export interface FigureRow {
  province_code: string | null;
  status: BatchStatus;
  classes: string;
  seats: string;
  selected: string;
  confirmed: string;
  reserved: string;
  under_quorum: string;
  under_quorum_before_confirm_by: string;
}

const ENDED_UNHELD: readonly BatchStatus[] = ['failed', 'cancelled'];

export function figuresOf(rows: FigureRow[]): ClassFigures {
  const figures: ClassFigures = {
    classesByStatus: Object.fromEntries(BATCH_STATUSES.map((status) => [status, 0])) as Record<BatchStatus, number>,
    seats: 0,
    selected: 0,
    confirmed: 0,
    reserves: 0,
    underQuorumClasses: 0,
    underQuorumBeforeConfirmBy: 0,
  };
  for (const row of rows) {
    figures.classesByStatus[row.status] += Number(row.classes);
    figures.underQuorumClasses += Number(row.under_quorum);
    figures.underQuorumBeforeConfirmBy += Number(row.under_quorum_before_confirm_by);
    if (ENDED_UNHELD.includes(row.status)) continue;
    figures.seats += Number(row.seats);
    figures.selected += Number(row.selected);
    figures.confirmed += Number(row.confirmed);
    figures.reserves += Number(row.reserved);
  }
  return figures;
}

export interface ClassRow {
  batch_id: string;
  programme_id: string | null;
  province_code: string | null;
  module_code: string | null;
  venue_code: string | null;
  room_code: string | null;
  instructor_id: string | null;
  start_date: string | null;
  end_date: string | null;
  status: BatchStatus | null;
  seats: number | null;
  reserves: number | null;
  minimum_quorum: number | null;
  selected: number;
  confirmed: number;
  reserved: number;
  quorum_met: boolean;
}

export function classView(row: ClassRow): ClassView {
  return {
    batchId: row.batch_id,
    programmeId: row.programme_id,
    provinceCode: row.province_code,
    moduleCode: row.module_code,
    venueCode: row.venue_code,
    roomCode: row.room_code,
    instructorId: row.instructor_id,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    fill: {
      seats: row.seats,
      reserves: row.reserves,
      minimumQuorum: row.minimum_quorum,
      selected: row.selected,
      confirmed: row.confirmed,
      reserved: row.reserved,
      quorumMet: row.quorum_met,
    },
  };
}

