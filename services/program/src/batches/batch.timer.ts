import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BatchStatus, todayInWib } from '@sinergi/contracts';
import { PollingTimer } from '@sinergi/platform';
import { dueLifecycleStep } from './batch-saga.rules';
import { BatchSaga } from './batch-saga.service';

const BATCH_LIMIT = 200;

/**
 * The saga's durable timer: its deadlines are columns (reply_by, confirm_by, start_date, end_date), so it is
 * only a query run every second. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * instances share the work, and a batch a reply is being applied to waits for the next tick.
 */
@Injectable()
export class BatchTimer extends PollingTimer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly saga: BatchSaga,
  ) {
    super();
  }

  /**
   * One pass: fails planned classes past their reply deadline, evaluates the quorum of confirmed
   * classes past their confirm-by day (before any of them can start), then starts and completes
   * classes by the calendar.
   */
  async runOnce(now: Date = new Date()): Promise<void> {
    const today = todayInWib(now);
    await this.drain(this.dataSource, BATCH_LIMIT, (manager) => this.failOverdue(manager, now));
    await this.drain(this.dataSource, BATCH_LIMIT, (manager) => this.checkQuorum(manager, today));
    await this.drain(this.dataSource, BATCH_LIMIT, (manager) => this.advanceCalendar(manager, today));
  }

  private async failOverdue(manager: EntityManager, now: Date): Promise<number> {
    const claimed = await overdueReplies(manager, now);
    for (const { id } of claimed) await this.saga.apply(manager, id, { kind: 'timeout' }, 'timer: reply deadline');
    return claimed.length;
  }

  private async checkQuorum(manager: EntityManager, today: string): Promise<number> {
    const claimed = await pastConfirmBy(manager, today);
    for (const { id, confirmed } of claimed)
      await this.saga.apply(manager, id, { kind: 'confirm-by-passed', confirmed, today }, 'timer: confirm-by passed');
    return claimed.length;
  }

  private async advanceCalendar(manager: EntityManager, today: string): Promise<number> {
    const claimed = await dueOnCalendar(manager, today);
    for (const batch of claimed) {
      // A class found after its end date (the timer was down) starts and completes in one pass.
      let state: Claimed = batch;
      for (let step = dueLifecycleStep(state, today); step; step = dueLifecycleStep(state, today)) {
        const decision = await this.saga.apply(manager, batch.id, { kind: step }, `timer: ${step}`);
        if (!decision?.applied) break;
        state = { ...state, status: decision.state.status };
      }
    }
    return claimed.length;
  }
}

interface Claimed {
  id: string;
  status: BatchStatus;
  startDate: string;
  endDate: string;
}

function overdueReplies(manager: EntityManager, now: Date): Promise<Claimed[]> {
  return manager.query(
    `SELECT id, status, start_date::text AS "startDate", end_date::text AS "endDate" FROM batches
      WHERE status = 'planned' AND reply_by <= $1
      ORDER BY reply_by LIMIT ${BATCH_LIMIT} FOR UPDATE SKIP LOCKED`,
    [now],
  );
}

/**
 * Confirmed classes whose confirm-by day is behind us and whose quorum was not evaluated yet. A
 * class enrollment has reported no fill for is left until a fill arrives: absent counts are not
 * taken for zero, so an enrollment outage cannot cancel classes.
 */
function pastConfirmBy(manager: EntityManager, today: string): Promise<Array<{ id: string; confirmed: number }>> {
  return manager.query(
    `SELECT id, fill_confirmed AS confirmed FROM batches
      WHERE status = 'confirmed' AND quorum_checked_on IS NULL AND confirm_by < $1 AND fill_at IS NOT NULL
      ORDER BY confirm_by LIMIT ${BATCH_LIMIT} FOR UPDATE SKIP LOCKED`,
    [today],
  );
}

function dueOnCalendar(manager: EntityManager, today: string): Promise<Claimed[]> {
  return manager.query(
    `SELECT id, status, start_date::text AS "startDate", end_date::text AS "endDate" FROM batches
      WHERE (status = 'confirmed' AND start_date <= $1) OR (status = 'running' AND end_date < $1)
      ORDER BY start_date LIMIT ${BATCH_LIMIT} FOR UPDATE SKIP LOCKED`,
    [today],
  );
}
