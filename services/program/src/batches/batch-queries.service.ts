import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BATCH_STATUSES, BatchStatus } from '@sinergi/contracts';
import { NotFound } from '@sinergi/platform';
import { Batch } from './batch.entity';
import { BatchTransition } from './batch-transition.entity';
import { liveSeatsOf, programmeForPlanning } from './programme-class-rules.query';

type FillColumns = 'fillSelected' | 'fillConfirmed' | 'fillReserved' | 'fillQuorumMet' | 'fillAt';

/** Enrollment's latest fill of a class, as of its event time `at`. */
export interface BatchFill {
  selected: number;
  confirmed: number;
  reserved: number;
  quorumMet: boolean;
  at: Date;
}

export type BatchListItem = Omit<Batch, FillColumns> & { fill: BatchFill | null };
export type BatchView = BatchListItem & { history: BatchTransition[] };

export interface BatchSummary {
  programmeId: string;
  counts: Record<BatchStatus, number>;
  liveSeats: number;
  participantCeiling: number;
  /** Participants enrollment reports as confirmed in the programme's classes that are neither failed nor cancelled. */
  confirmedParticipants: number;
}

@Injectable()
export class BatchQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(batchId: string): Promise<BatchView> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw noBatch(batchId);
    const history = await this.dataSource.getRepository(BatchTransition).find({ where: { batchId }, order: { id: 'ASC' } });
    return { ...listItemOf(batch), history };
  }

  async list(programmeId: string, status: BatchStatus | undefined): Promise<BatchListItem[]> {
    await programmeForPlanning(this.dataSource.manager, programmeId, false);
    const batches = await this.dataSource.getRepository(Batch).find({
      where: { programmeId, ...(status ? { status } : {}) },
      order: { startDate: 'ASC', venueCode: 'ASC', id: 'ASC' },
    });
    return batches.map(listItemOf);
  }

  async summary(programmeId: string): Promise<BatchSummary> {
    const programme = await programmeForPlanning(this.dataSource.manager, programmeId, false);
    const rows: Array<{ status: BatchStatus; count: number }> = await this.dataSource.query(
      'SELECT status, COUNT(*)::int AS count FROM batches WHERE programme_id = $1 GROUP BY status',
      [programmeId],
    );
    const counts = Object.fromEntries(BATCH_STATUSES.map((status) => [status, 0])) as Record<BatchStatus, number>;
    for (const row of rows) counts[row.status] = row.count;
    const [{ confirmed }]: Array<{ confirmed: number }> = await this.dataSource.query(
      `SELECT COALESCE(SUM(fill_confirmed), 0)::int AS confirmed FROM batches
        WHERE programme_id = $1 AND status IN ('confirmed', 'running', 'completed', 'closed')`,
      [programmeId],
    );
    return {
      programmeId,
      counts,
      liveSeats: await liveSeatsOf(this.dataSource.manager, programmeId),
      participantCeiling: programme.participantCeiling,
      confirmedParticipants: confirmed,
    };
  }
}

/** A batch as the API shows it: enrollment's fill as one object, null until the first BatchFillChanged. */
export function listItemOf(batch: Batch): BatchListItem {
  const { fillSelected, fillConfirmed, fillReserved, fillQuorumMet, fillAt, ...rest } = batch;
  const fill =
    fillAt === null
      ? null
      : {
          selected: fillSelected ?? 0,
          confirmed: fillConfirmed ?? 0,
          reserved: fillReserved ?? 0,
          quorumMet: fillQuorumMet ?? false,
          at: fillAt,
        };
  return { ...rest, fill };
}

export function noBatch(batchId: string): NotFound {
  return new NotFound({ field: 'batchId', rule: 'exists', message: `no batch with id ${batchId}` });
}
