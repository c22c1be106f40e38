import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BATCH_STATUSES, BatchListItemView, BatchStatus, BatchSummaryView, BatchView } from '@sinergi/contracts';
import { NotFound } from '@sinergi/platform';
import { Batch } from './batch.entity';
import { BatchTransition } from './batch-transition.entity';
import { batchListItemView, batchView } from './batch.views';
import { liveSeatsOf, programmeForPlanning } from './programme-class-rules.query';

@Injectable()
export class BatchQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(batchId: string): Promise<BatchView> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw noBatch(batchId);
    const history = await this.dataSource.getRepository(BatchTransition).find({ where: { batchId }, order: { id: 'ASC' } });
    return batchView(batch, history);
  }

  async list(programmeId: string, status: BatchStatus | undefined): Promise<BatchListItemView[]> {
    await programmeForPlanning(this.dataSource.manager, programmeId, false);
    const batches = await this.dataSource.getRepository(Batch).find({
      where: { programmeId, ...(status ? { status } : {}) },
      order: { startDate: 'ASC', venueCode: 'ASC', id: 'ASC' },
    });
    return batches.map(batchListItemView);
  }

  async summary(programmeId: string): Promise<BatchSummaryView> {
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

export function noBatch(batchId: string): NotFound {
  return new NotFound({ field: 'batchId', rule: 'exists', message: `no batch with id ${batchId}` });
}
