import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';
import { todayInWib } from '@sinergi/contracts';
import { Batch } from '../classes/batch.entity';
import { Enrollment } from './enrollment.entity';
import { SeatRelease } from './seat-release.service';

const BATCH_LIMIT = 200;

/**
 * The confirm-by timer (daftar ulang): the deadline is a column (enrollments.confirm_by), so it is only a query run
 * every second. Seats still selected after their confirm-by day (WIB) expire and go to the first reserve. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, the class row with the enrollment, so several instances share the work, the
 * timer never waits for a lock (and so cannot deadlock), and a class a request is changing waits for the next tick.
 */
@Injectable()
export class ConfirmByTimer extends PollingTimer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatRelease,
  ) {
    super();
  }

  /** One pass: expires every selected seat past its confirm-by day, as of `now` in Jakarta. */
  async runOnce(now: Date = new Date()): Promise<void> {
    const today = todayInWib(now);
    await this.drain(this.dataSource, BATCH_LIMIT, (manager) => this.expireOverdue(manager, today));
  }

  private async expireOverdue(manager: EntityManager, today: string): Promise<number> {
    const claimed: Array<{ id: string; batchId: string }> = await manager.query(
      `SELECT e.id, e.batch_id AS "batchId" FROM enrollments e JOIN batches b ON b.id = e.batch_id
        WHERE e.status = 'selected' AND e.confirm_by < $1
        ORDER BY e.batch_id, e.submitted_at, e.id LIMIT ${BATCH_LIMIT} FOR UPDATE OF e, b SKIP LOCKED`,
      [today],
    );
    const byClass = new Map<string, string[]>();
    for (const { id, batchId } of claimed) byClass.set(batchId, [...(byClass.get(batchId) ?? []), id]);
    for (const [batchId, ids] of byClass) {
      const batch = await manager.findOneByOrFail(Batch, { id: batchId });
      const expiring = await manager.find(Enrollment, { where: { id: In(ids) }, order: { submittedAt: 'ASC', id: 'ASC' } });
      await this.seats.expire(manager, batch, expiring, today);
    }
    return claimed.length;
  }
}
