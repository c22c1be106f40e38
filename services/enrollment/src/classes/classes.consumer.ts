import { Controller } from '@nestjs/common';
import { In } from 'typeorm';
import {
  batchClosedEvent,
  BatchConfirmed,
  batchConfirmedEvent,
  BatchLifecycleStep,
  batchStartedEvent,
  batchFillChangedEvent,
  ProgrammeAmended,
  programmeAmendedEvent,
  ProgrammeLaunched,
  programmeLaunchedEvent,
} from '@sinergi/contracts';
import { InboxContext, OnEvent, Outbox } from '@sinergi/messaging';
import { classDatesOf } from '../attendance/attendance.rules';
import { fillOf } from '../enrollments/enrollment.views';
import { Batch } from './batch.entity';

/** Keeps enrollment's own copy of programmes and confirmed classes (and where each class is in its life); a redelivered or repeated event changes nothing more. */
@Controller()
export class ClassesConsumer {
  constructor(private readonly outbox: Outbox) {}

  @OnEvent(programmeLaunchedEvent)
  async onProgrammeLaunched(programme: ProgrammeLaunched, context: InboxContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO programmes (id, name, period_start, period_end, priority_segments, selection_policy, target_participants, participant_ceiling)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = $2, period_start = $3, period_end = $4, priority_segments = $5,
         selection_policy = $6, target_participants = $7, participant_ceiling = $8`,
      [
        programme.programmeId,
        programme.name,
        programme.periodStart,
        programme.periodEnd,
        programme.prioritySegments,
        programme.selectionPolicy,
        programme.targetParticipants,
        programme.participantCeiling,
      ],
    );
  }

  /** Both events of a programme share its key, so the launch is always applied first. */
  @OnEvent(programmeAmendedEvent)
  async onProgrammeAmended(amendment: ProgrammeAmended, context: InboxContext): Promise<void> {
    await context.manager.query('UPDATE programmes SET target_participants = $2, participant_ceiling = $3 WHERE id = $1', [
      amendment.programmeId,
      amendment.targetParticipants,
      amendment.participantCeiling,
    ]);
  }

  /**
   * A class confirmed again (e.g. re-announced) keeps its fill; its details are replaced. Its fill is
   * published at once, so program learns of a class nobody enrolls in and can cancel it under quorum.
   */
  @OnEvent(batchConfirmedEvent)
  async onBatchConfirmed(batch: BatchConfirmed, context: InboxContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO batches (id, programme_id, province_code, start_date, end_date, seats, reserves, minimum_quorum, confirm_by, venue_code, class_dates)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET programme_id = $2, province_code = $3, start_date = $4, end_date = $5,
         seats = $6, reserves = $7, minimum_quorum = $8, confirm_by = $9, venue_code = $10, class_dates = $11`,
      [
        batch.batchId,
        batch.programmeId,
        batch.provinceCode,
        batch.startDate,
        batch.endDate,
        batch.seats,
        batch.reserves,
        batch.minimumQuorum,
        batch.confirmBy,
        batch.venueCode,
        classDatesOf(batch),
      ],
    );
    const fill = fillOf(await context.manager.findOneByOrFail(Batch, { id: batch.batchId }));
    await this.outbox.append(context.manager, batchFillChangedEvent.with(batch.batchId, fill));
  }

  /** Only a confirmed class starts; a repeated or late event changes nothing. */
  @OnEvent(batchStartedEvent)
  async onBatchStarted(step: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await context.manager.update(Batch, { id: step.batchId, status: 'confirmed' }, { status: 'running' });
  }

  /** The class's records are final: its register can no longer be changed. */
  @OnEvent(batchClosedEvent)
  async onBatchClosed(step: BatchLifecycleStep, context: InboxContext): Promise<void> {
    await context.manager.update(Batch, { id: step.batchId, status: In(['confirmed', 'running', 'completed']) }, { status: 'closed' });
  }
}
