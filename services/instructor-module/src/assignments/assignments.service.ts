import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AssignmentPage,
  AssignmentWithdrawalView,
  BatchRescheduled,
  dayCount,
  InstructorAssigned,
  instructorAssignedEvent,
  instructorAssignmentRejectedEvent,
  instructorAssignmentReleasedEvent,
  instructorWithdrawnEvent,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { ADVISORY_LOCKS, Caller, Conflict, isExclusionViolation, keysetPage, lockUntilTransactionEnds, NotFound, withSavepoint } from '@sinergi/platform';
import { FindAssignmentsQuery } from './assignment.dto';
import { Assignment } from './assignment.entity';
import { assignmentView } from './assignment.views';
import {
  Candidate,
  ClassToStaff,
  isFree,
  moveObstacles,
  periodOf,
  rankCandidates,
  rejectionReason,
  rescheduleWithdrawalReason,
  TEACHING_ANOTHER_CLASS,
} from './assignment.rules';

const MAX_REASON_LENGTH = 500;

type StaffingOutcome = { assignment: Assignment } | { reason: string };

type MoveOutcome = { moved: Assignment } | { obstacles: string[] };

interface Staffing {
  /** Instructors not to try, e.g. those who withdrew from the class. */
  excluded: string[];
  replacesInstructorId: string | null;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Answers a planned class with InstructorAssigned or InstructorAssignmentRejected; a class already staffed is re-announced. */
  async assignClass(manager: EntityManager, klass: ClassToStaff): Promise<void> {
    await lockBatch(manager, klass.batchId);
    const current = await manager.findOneBy(Assignment, { batchId: klass.batchId, status: 'active' });
    if (current) {
      await this.announce(manager, current);
      return;
    }
    const outcome = await this.staff(manager, klass, { excluded: [], replacesInstructorId: null });
    if ('assignment' in outcome) await this.announce(manager, outcome.assignment);
    else await this.reject(manager, klass, outcome.reason);
  }

  /** Frees the class's instructor, if it has one. */
  async releaseClass(manager: EntityManager, batchId: string, reason: string): Promise<void> {
    await lockBatch(manager, batchId);
    const current = await manager.findOneBy(Assignment, { batchId, status: 'active' });
    if (!current) return;
    const released = await end(manager, current, 'released', reason);
    await this.outbox.append(
      manager,
      instructorAssignmentReleasedEvent.with(batchId, {
        batchId,
        assignmentId: released.id,
        instructorId: released.instructorId,
        reason: released.endReason,
      }),
    );
  }

  /**
   * A confirmed class moved to new dates. Its instructor follows it when they can teach the new dates
   * (re-announced: InstructorAssigned, same assignment); otherwise the assignment is released and the class
   * staffed again by the usual rules without them: InstructorWithdrawn, then InstructorAssigned with
   * replacesInstructorId, or InstructorWithdrawn with reassigned false when nobody can.
   * A class without an active assignment is left alone.
   */
  async rescheduleClass(manager: EntityManager, event: BatchRescheduled): Promise<void> {
    await lockBatch(manager, event.batchId);
    const current = await manager.findOneBy(Assignment, { batchId: event.batchId, status: 'active' });
    if (!current) return;
    if (current.startDate === event.startDate && current.endDate === event.endDate) {
      await this.announce(manager, current);
      return;
    }
    const klass: ClassToStaff = {
      batchId: current.batchId,
      moduleCode: current.moduleCode,
      provinceCode: current.provinceCode,
      startDate: event.startDate,
      endDate: event.endDate,
    };
    const outcome = await this.tryMove(manager, current, klass);
    if ('moved' in outcome) {
      await this.announce(manager, outcome.moved);
      return;
    }
    const reason = rescheduleWithdrawalReason(klass, outcome.obstacles, event.reason);
    const released = await end(manager, current, 'released', reason);
    const excluded = [current.instructorId, ...(await withdrawnInstructors(manager, current.batchId))];
    const staffed = await this.staff(manager, klass, { excluded, replacesInstructorId: current.instructorId });
    const replacement = 'assignment' in staffed ? staffed.assignment : null;
    await this.outbox.append(
      manager,
      instructorWithdrawnEvent.with(current.batchId, {
        batchId: current.batchId,
        assignmentId: released.id,
        instructorId: released.instructorId,
        reason: released.endReason,
        reassigned: replacement !== null,
      }),
    );
    if (replacement) await this.announce(manager, replacement);
  }

  /** The instructor pulls out; another one takes the class by the same rules if anyone can. */
  async withdraw(id: string, reason: string, caller: Caller): Promise<AssignmentWithdrawalView> {
    const found = await this.get(id, caller);
    return this.dataSource.transaction(async (manager) => {
      await lockBatch(manager, found.batchId);
      const current = await manager.findOneByOrFail(Assignment, { id });
      if (current.status !== 'active') throw new Conflict({ field: 'status', rule: 'active', message: `assignment ${id} is ${current.status}, not active` });
      const withdrawn = await end(manager, current, 'withdrawn', reason);
      const excluded = await withdrawnInstructors(manager, current.batchId);
      const outcome = await this.staff(manager, current, { excluded, replacesInstructorId: current.instructorId });
      const replacement = 'assignment' in outcome ? outcome.assignment : null;
      await this.outbox.append(
        manager,
        instructorWithdrawnEvent.with(current.batchId, {
          batchId: current.batchId,
          assignmentId: withdrawn.id,
          instructorId: withdrawn.instructorId,
          reason: withdrawn.endReason,
          reassigned: replacement !== null,
        }),
      );
      if (replacement) await this.announce(manager, replacement);
      return { withdrawn: assignmentView(withdrawn), replacement: replacement && assignmentView(replacement) };
    });
  }

  /** An instructor reaches only their own assignments (Forbidden, field id). */
  async get(id: string, caller: Caller): Promise<Assignment> {
    const found = await this.dataSource.getRepository(Assignment).findOneBy({ id });
    if (!found) throw new NotFound({ field: 'id', rule: 'exists', message: `no assignment with id ${id}` });
    caller.assertReaches({ instructorIds: [found.instructorId] }, 'id');
    return found;
  }

  /** Ordered by startDate, id; with the `own` reach only the caller's own assignments (naming another instructor is Forbidden). */
  find(query: FindAssignmentsQuery, caller: Caller): Promise<AssignmentPage> {
    if (query.instructorId) caller.assertReaches({ instructorIds: [query.instructorId] }, 'instructorId');
    const assignments = this.dataSource.getRepository(Assignment).createQueryBuilder('assignment');
    if (query.batchId) assignments.andWhere('assignment.batchId = :batchId', { batchId: query.batchId });
    if (query.instructorId) assignments.andWhere('assignment.instructorId = :instructorId', { instructorId: query.instructorId });
    if (caller.reach === 'own') {
      const own = caller.principal?.instructorId;
      assignments.andWhere(own ? 'assignment.instructorId = :own' : 'FALSE', { own });
    }
    const order = { columns: ['assignment.startDate', 'assignment.id'], keyOf: (row: Assignment) => [row.startDate, row.id] };
    return keysetPage(assignments, query, order, assignmentView);
  }

  /**
   * Tries the planner's proposal, then the free candidates best first. Each try locks the instructor, checks again
   * what others may have committed meanwhile, and inserts in a savepoint: the exclusion constraint is the last word
   * on double booking, and a refused insert just moves on to the next candidate. A proposal taken spares reading
   * every competent instructor's load, which a bulk plan would otherwise do once for each of its classes.
   */
  private async staff(manager: EntityManager, klass: ClassToStaff, staffing: Staffing): Promise<StaffingOutcome> {
    if (dayCount({ from: klass.startDate, to: klass.endDate }) < 1) {
      return { reason: `the class ends (${klass.endDate}) before it starts (${klass.startDate})` };
    }
    const proposal = klass.proposedInstructorId;
    if (proposal && !staffing.excluded.includes(proposal)) {
      const assignment = await this.tryAssign(manager, klass, proposal, staffing);
      if (assignment) return { assignment };
    }
    const notToTry = proposal ? [...staffing.excluded, proposal] : staffing.excluded;
    for (const candidate of rankCandidates(await candidates(manager, klass, notToTry), klass.provinceCode)) {
      const assignment = await this.tryAssign(manager, klass, candidate.instructorId, staffing);
      if (assignment) return { assignment };
    }
    return { reason: rejectionReason(klass, await candidates(manager, klass, staffing.excluded)) };
  }

  private async tryAssign(
    manager: EntityManager,
    klass: ClassToStaff,
    instructorId: string,
    staffing: Staffing,
  ): Promise<Assignment | null> {
    return withSavepoint(manager, 'try_instructor', () => this.assignIfFree(manager, klass, instructorId, staffing), (assigned) => assigned !== null);
  }

  private async assignIfFree(manager: EntityManager, klass: ClassToStaff, instructorId: string, staffing: Staffing): Promise<Assignment | null> {
    await manager.query('SELECT 1 FROM instructors WHERE id = $1 FOR UPDATE', [instructorId]);
    const [fresh] = await candidates(manager, klass, staffing.excluded, instructorId);
    if (!fresh || !isFree(fresh)) return null;
    const assignment = manager.create(Assignment, {
      id: randomUUID(),
      batchId: klass.batchId,
      instructorId,
      moduleCode: klass.moduleCode,
      provinceCode: klass.provinceCode,
      startDate: klass.startDate,
      endDate: klass.endDate,
      period: periodOf(klass.startDate),
      status: 'active',
      replacesInstructorId: staffing.replacesInstructorId,
      endReason: null,
      assignedAt: new Date(),
      endedAt: null,
    });
    try {
      await manager.insert(Assignment, assignment);
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      return null;
    }
    return assignment;
  }

  /**
   * Moves the assignment to the class's new dates when its instructor can teach them. Like tryAssign: locks
   * the instructor, checks the new dates leaving out this very assignment, and updates in a savepoint, the
   * exclusion constraint having the last word.
   */
  private async tryMove(manager: EntityManager, current: Assignment, klass: ClassToStaff): Promise<MoveOutcome> {
    if (dayCount({ from: klass.startDate, to: klass.endDate }) < 1) return { obstacles: moveObstacles(klass, undefined) };
    return withSavepoint(manager, 'move_assignment', () => this.moveIfFree(manager, current, klass), (outcome) => 'moved' in outcome);
  }

  private async moveIfFree(manager: EntityManager, current: Assignment, klass: ClassToStaff): Promise<MoveOutcome> {
    await manager.query('SELECT 1 FROM instructors WHERE id = $1 FOR UPDATE', [current.instructorId]);
    const [fresh] = await candidates(manager, klass, [], current.instructorId, current.id);
    const obstacles = moveObstacles(klass, fresh);
    if (obstacles.length > 0) return { obstacles };
    const dates = { startDate: klass.startDate, endDate: klass.endDate, period: periodOf(klass.startDate) };
    try {
      await manager.update(Assignment, { id: current.id, status: 'active' }, dates);
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      return { obstacles: [TEACHING_ANOTHER_CLASS] };
    }
    return { moved: { ...current, ...dates } };
  }

  private async announce(manager: EntityManager, assignment: Assignment): Promise<void> {
    const data: InstructorAssigned = {
      batchId: assignment.batchId,
      assignmentId: assignment.id,
      instructorId: assignment.instructorId,
      moduleCode: assignment.moduleCode,
      startDate: assignment.startDate,
      endDate: assignment.endDate,
      ...(assignment.replacesInstructorId ? { replacesInstructorId: assignment.replacesInstructorId } : {}),
    };
    await this.outbox.append(manager, instructorAssignedEvent.with(assignment.batchId, data));
  }

  private async reject(manager: EntityManager, klass: ClassToStaff, reason: string): Promise<void> {
    await this.outbox.append(
      manager,
      instructorAssignmentRejectedEvent.with(klass.batchId, {
        batchId: klass.batchId,
        moduleCode: klass.moduleCode,
        reason: limit(reason),
      }),
    );
  }
}

/** Serialises everything that changes one class's staffing (plan, release, withdrawal, reschedule) until commit. */
async function lockBatch(manager: EntityManager, batchId: string): Promise<void> {
  await lockUntilTransactionEnds(manager, ADVISORY_LOCKS.classStaffing, batchId);
}

async function end(manager: EntityManager, assignment: Assignment, status: 'released' | 'withdrawn', reason: string): Promise<Assignment & { endReason: string }> {
  const ended = { ...assignment, status, endReason: limit(reason), endedAt: new Date() };
  await manager.update(Assignment, { id: assignment.id }, { status, endReason: ended.endReason, endedAt: ended.endedAt });
  return ended;
}

async function withdrawnInstructors(manager: EntityManager, batchId: string): Promise<string[]> {
  const rows = await manager.findBy(Assignment, { batchId, status: 'withdrawn' });
  return rows.map((row) => row.instructorId);
}

/**
 * Active instructors competent in the class's module (optionally one of them), except those excluded.
 * `ignoredAssignmentId` leaves one assignment out of load and busy: the class's own, when it moves.
 */
function candidates(
  manager: EntityManager,
  klass: ClassToStaff,
  excluded: string[],
  onlyInstructorId?: string,
  ignoredAssignmentId?: string,
): Promise<Candidate[]> {
  return manager.query(
    `SELECT i.id AS "instructorId",
            i.home_province_code AS "homeProvinceCode",
            i.max_classes_per_period AS "maxClassesPerPeriod",
            (SELECT count(*)::int FROM assignments a
              WHERE a.instructor_id = i.id AND a.status = 'active' AND a.period = $4
                AND a.id IS DISTINCT FROM $7::uuid) AS load,
            EXISTS (SELECT 1 FROM assignments a
                     WHERE a.instructor_id = i.id AND a.status = 'active' AND a.id IS DISTINCT FROM $7::uuid
                       AND daterange(a.start_date, a.end_date, '[]') && daterange($2, $3, '[]')) AS busy,
            EXISTS (SELECT 1 FROM instructor_unavailable_days u
                     WHERE u.instructor_id = i.id AND u.day BETWEEN $2 AND $3) AS unavailable
       FROM instructors i
      WHERE i.active AND $1 = ANY (i.competencies) AND i.id <> ALL ($5::uuid[]) AND ($6::uuid IS NULL OR i.id = $6)`,
    [klass.moduleCode, klass.startDate, klass.endDate, periodOf(klass.startDate), excluded, onlyInstructorId ?? null, ignoredAssignmentId ?? null],
  );
}

function limit(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 3)}...`;
}
