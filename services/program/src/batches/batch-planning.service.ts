import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { addDays, batchPlannedEvent, BulkPlanView, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { ADVISORY_LOCKS, InvalidInput, lockUntilTransactionEnds } from '@sinergi/platform';
import { DirectoryInstructor } from '../instructor-directory/directory-instructor.entity';
import { DirectoryVenue } from '../venue-directory/directory-venue.entity';
import { Batch } from './batch.entity';
import { batchPlanned } from './batch-events';
import {
  bulkWindowRefusal,
  ceilingRefusal,
  classDatesOf,
  classRefusal,
  InstructorBooking,
  OccupyingClass,
  PlannedClass,
  planBulk,
  Refusal,
} from './batch-planner.rules';
import { BatchTransition } from './batch-transition.entity';
import { ProgramConfig } from './batches.config';
import { BulkPlanBatchesDto, PlanBatchDto } from './batch.dto';
import { LIVE_STATUSES, liveSeatsOf, ProgrammeForPlanning, programmeForPlanning } from './programme-class-rules.query';
import { refuse } from './refusal';


@Injectable()
export class BatchPlanning {
  private readonly holidays: ReadonlySet<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: ProgramConfig,
  ) {
    this.holidays = config.holidays;
  }

  /** Plans one class and publishes BatchPlanned, which starts the saga. */
  planOne(programmeId: string, dto: PlanBatchDto): Promise<Batch> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await programmeForPlanning(manager, programmeId, true);
      const venue = await manager.findOneBy(DirectoryVenue, { venueCode: dto.venueCode });
      const today = todayInWib();
      const refusal: Refusal | undefined =
        classRefusal({
          programme,
          holidays: this.holidays,
          venue: venue ?? undefined,
          venueCode: dto.venueCode,
          startDate: dto.startDate,
          today,
        }) ?? ceilingRefusal(programme, await liveSeatsOf(manager, programmeId), programme.classSize);
      if (refusal) throw refuse(refusal);
      const [batch] = await this.insertPlanned(manager, programme, [
        {
          venueCode: dto.venueCode,
          provinceCode: (venue as DirectoryVenue).provinceCode,
          classDates: classDatesOf(programme, this.holidays, dto.startDate),
        },
      ]);
      return batch;
    });
  }

  /** Chooses venues and dates for many classes and plans them all in one transaction. */
  planMany(programmeId: string, dto: BulkPlanBatchesDto): Promise<BulkPlanView> {
    if (dto.to < dto.from) throw new InvalidInput({ field: 'to', rule: 'not-before-from', message: 'to must not be before from' });
    return this.dataSource.transaction(async (manager) => {
      const programme = await programmeForPlanning(manager, programmeId, true);
      const refusal = bulkWindowRefusal(programme, this.holidays, dto.from, dto.to, todayInWib());
      if (refusal) throw refuse(refusal, 'from');
      await lockUntilTransactionEnds(manager, ADVISORY_LOCKS.bulkPlanning);
      const venues = await manager.findBy(DirectoryVenue, { provinceCode: In(dto.provinceCodes) });
      const lastDay = classDatesOf(programme, this.holidays, dto.to).at(-1) as string;
      const plan = planBulk({
        programme,
        moduleCode: programme.moduleCode,
        holidays: this.holidays,
        count: dto.count,
        from: dto.from,
        to: dto.to,
        provinceCodes: dto.provinceCodes,
        venues,
        occupying: await occupyingClasses(manager, venues, dto.from, lastDay),
        instructors: await manager.findBy(DirectoryInstructor, { active: true }),
        bookings: await instructorBookingsBetween(manager, dto.from, lastDay),
        liveSeats: await liveSeatsOf(manager, programmeId),
      });
      const batches = await this.insertPlanned(manager, programme, plan.classes);
      return {
        planned: batches.length,
        batchIds: batches.map((batch) => batch.id),
        unplaced: plan.unplaced.reduce((sum, unplaced) => sum + unplaced.count, 0),
        reasons: plan.unplaced,
      };
    });
  }

  private async insertPlanned(manager: EntityManager, programme: ProgrammeForPlanning, classes: readonly PlannedClass[]): Promise<Batch[]> {
    if (classes.length === 0) return [];
    const replyBy = new Date(Date.now() + this.config.BATCH_REPLY_TIMEOUT_MS);
    const batches = classes.map((planned) =>
      manager.create(Batch, {
        id: randomUUID(),
        programmeId: programme.id,
        status: 'planned',
        moduleCode: programme.moduleCode,
        provinceCode: planned.provinceCode,
        venueCode: planned.venueCode,
        startDate: planned.classDates[0],
        endDate: planned.classDates[planned.classDates.length - 1],
        classDates: planned.classDates,
        seats: programme.classSize,
        reserves: programme.reservesPerClass,
        minimumQuorum: programme.minimumQuorum,
        confirmBy: addDays(planned.classDates[0], -programme.confirmByDaysBeforeStart),
        replyBy,
        reservationId: null,
        roomCode: null,
        assignmentId: null,
        proposedInstructorId: planned.proposedInstructorId ?? null,
        instructorId: null,
        failedStep: null,
        failureReason: null,
        cancellationReason: null,
        cancellationDetail: null,
        fillSelected: null,
        fillConfirmed: null,
        fillReserved: null,
        fillQuorumMet: null,
        fillAt: null,
        quorumCheckedOn: null,
      }),
    );
    await manager.insert(Batch, batches);
    await manager.insert(
      BatchTransition,
      batches.map((batch) => ({
        batchId: batch.id,
        trigger: 'plan',
        fromStatus: null,
        toStatus: batch.status,
        eventType: batchPlannedEvent.type,
        applied: true,
        note: `planned at ${batch.venueCode} from ${batch.startDate} to ${batch.endDate}; replies due by ${replyBy.toISOString()}`,
      })),
    );
    await this.outbox.append(manager, ...batches.map(batchPlanned));
    return batches;
  }
}

/** Live classes of every programme at these venues that overlap the window: rooms are shared. */
async function occupyingClasses(manager: EntityManager, venues: DirectoryVenue[], from: string, to: string): Promise<OccupyingClass[]> {
  return manager.query(
    `SELECT venue_code AS "venueCode", start_date::text AS "startDate", end_date::text AS "endDate"
       FROM batches
      WHERE status = ANY($1) AND venue_code = ANY($2) AND end_date >= $3 AND start_date <= $4`,
    [LIVE_STATUSES, venues.map((venue) => venue.venueCode), from, to],
  );
}

/**
 * What instructors teach around the window: instructor-module's announced assignments, and the live classes this
 * service proposed an instructor for that instructor-module has not answered yet. From the first of the window's first
 * month, so that the monthly load limit counts every class of that month.
 */
async function instructorBookingsBetween(manager: EntityManager, from: string, to: string): Promise<InstructorBooking[]> {
  return manager.query(
    `SELECT instructor_id AS "instructorId", start_date::text AS "startDate", end_date::text AS "endDate"
       FROM instructor_bookings
      WHERE end_date >= date_trunc('month', $1::date) AND start_date <= $2
     UNION ALL
     SELECT proposed_instructor_id, start_date::text, end_date::text
       FROM batches b
      WHERE status = 'planned' AND proposed_instructor_id IS NOT NULL
        AND end_date >= date_trunc('month', $1::date) AND start_date <= $2
        AND NOT EXISTS (SELECT 1 FROM instructor_bookings k WHERE k.batch_id = b.id)`,
    [from, to],
  );
}
