import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BATCH_STATUSES, BatchPage, BatchStatus, BatchSummaryView, BatchView } from '@sinergi/contracts';
import { Caller, keysetPage, NotFound } from '@sinergi/platform';
import { ListBatchesQuery } from './batch.dto';
import { Batch } from './batch.entity';
import { BatchTransition } from './batch-transition.entity';
import { batchListItemView, batchView } from './batch.views';
import { liveSeatsOf, programmeForPlanning } from './programme-class-rules.query';

@Injectable()
export class BatchQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The batch, when the caller reaches it (a venue operator: their venues' classes; an instructor: the classes they teach). */
  async get(batchId: string, caller: Caller): Promise<BatchView> {
    const batch = await this.reachable(batchId, caller);
    const history = await this.dataSource.getRepository(BatchTransition).find({ where: { batchId }, order: { id: 'ASC' } });
    return batchView(batch, history);
  }

  /** NotFound when there is no such batch, Forbidden (field batchId) when it is out of the caller's reach. */
  async reachable(batchId: string, caller: Caller): Promise<Batch> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw noBatch(batchId);
    caller.assertReaches({ venueCodes: [batch.venueCode], instructorIds: batch.instructorId ? [batch.instructorId] : [] }, 'batchId');
    return batch;
  }

  /** Ordered by startDate, id; with the `own` reach only the caller's venues' classes or the classes they teach. */
  async list(programmeId: string, query: ListBatchesQuery, caller: Caller): Promise<BatchPage> {
    await programmeForPlanning(this.dataSource.manager, programmeId, false);
    const batches = this.dataSource.getRepository(Batch).createQueryBuilder('batch').where('batch.programmeId = :programmeId', { programmeId });
    if (query.status) batches.andWhere('batch.status = :status', { status: query.status });
    if (caller.reach === 'own') {
      const venueCodes = caller.principal?.venueCodes ?? [];
      const instructorId = caller.principal?.instructorId;
      const owned = [...(venueCodes.length ? ['batch.venueCode IN (:...venueCodes)'] : []), ...(instructorId ? ['batch.instructorId = :instructorId'] : [])];
      batches.andWhere(owned.length ? `(${owned.join(' OR ')})` : 'FALSE', { venueCodes, instructorId });
    }
    return keysetPage(batches, query, { columns: ['batch.startDate', 'batch.id'], keyOf: (row) => [row.startDate, row.id] }, batchListItemView);
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
