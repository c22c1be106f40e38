import { randomUUID } from 'node:crypto';
import {
  addDays,
  ClassRegisterView,
  instructorAssignedEvent,
  InstructorAssigned,
  instructorAssignmentReleasedEvent,
  instructorWithdrawnEvent,
  Principal,
  Problem,
  todayInWib,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

const instructor = (instructorId: string): Principal => ({ subject: `instructor-${instructorId}`, roles: ['instructor'], venueCodes: [], instructorId });

/** An instructor reaches the register of the classes they currently teach, as instructor-module's events say (real Kafka, real PostgreSQL). */
describe('enrollment instructor reach over class registers', () => {
  let harness: EnrollmentHarness;
  const today = todayInWib();

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  function assigned(batchId: string, instructorId: string, overrides: Partial<InstructorAssigned> = {}): InstructorAssigned {
    return { batchId, assignmentId: randomUUID(), instructorId, moduleCode: 'KWU-DASAR', startDate: today, endDate: addDays(today, 4), ...overrides };
  }

  /** Waits until enrollment holds this instructor (or, with null, none) for the class. */
  function currentInstructor(batchId: string, instructorId: string | null) {
    return waitFor(`instructor ${instructorId} on ${batchId}`, async () => {
      const rows = await harness.query<{ instructor_id: string }>('SELECT instructor_id FROM class_instructors WHERE batch_id = $1', [batchId]);
      return (rows[0]?.instructor_id ?? null) === instructorId;
    });
  }

  function register(batchId: string, as: Principal) {
    return harness.request<ClassRegisterView & Problem>('GET', `/batches/${batchId}/attendance`, undefined, {}, as);
  }

  function record(batchId: string, enrollmentId: string, as: Principal) {
    return harness.request<ClassRegisterView & Problem>('PUT', `/batches/${batchId}/attendance/${today}`, { records: [{ enrollmentId, present: true }] }, {}, as);
  }

  it("lets an instructor read and record their own class's register, not another's, and not once the assignment is released", async () => {
    const programme = programmeLaunched({ periodStart: addDays(today, -10) });
    const dates = { startDate: today, endDate: addDays(today, 4), confirmBy: addDays(today, 3), minimumQuorum: 1 };
    const own = batchConfirmed(programme, dates);
    const others = batchConfirmed(programme, { ...dates, provinceCode: '12' });
    const [ani, budi] = [randomUUID(), randomUUID()];
    const aniAssignment = assigned(own.batchId, ani);
    // The assignment comes on its own topic, here before the class's confirmation.
    await harness.publish(instructorAssignedEvent.with(own.batchId, aniAssignment), instructorAssignedEvent.with(others.batchId, assigned(others.batchId, budi)));
    await harness.launch(programme, own, others);
    await currentInstructor(own.batchId, ani);
    await currentInstructor(others.batchId, budi);
    const participant = await harness.registerChecked(participantBody({ fullName: 'Dewi Kartika Sari' }));
    const enrollment = await harness.enroll({ participantId: participant.id, programmeId: programme.programmeId, batchId: own.batchId });
    expect(enrollment.body.status).toBe('selected');

    const read = await register(own.batchId, instructor(ani));
    expect(read.status).toBe(200);
    expect(read.body.participants).toEqual([expect.objectContaining({ enrollmentId: enrollment.body.id, fullName: 'Dewi Kartika Sari' })]);
    const recorded = await record(own.batchId, enrollment.body.id, instructor(ani));
    expect(recorded.status).toBe(200);
    expect(recorded.body.participants[0].days).toEqual({ [today]: true });

    for (const answer of [await register(own.batchId, instructor(budi)), await record(own.batchId, enrollment.body.id, instructor(budi)), await register(others.batchId, instructor(ani))]) {
      expect(answer.status).toBe(403);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'batchId', rule: 'own-records' })]);
    }

    await harness.publish(
      instructorAssignmentReleasedEvent.with(own.batchId, { batchId: own.batchId, assignmentId: aniAssignment.assignmentId, instructorId: ani, reason: 'class cancelled' }),
    );
    await currentInstructor(own.batchId, null);
    expect((await register(own.batchId, instructor(ani))).status).toBe(403);
    expect((await record(own.batchId, enrollment.body.id, instructor(ani))).status).toBe(403);
  });

  it('hands the register to the replacement when an instructor withdraws, and keeps it when an earlier assignment ends late', async () => {
    const programme = programmeLaunched({ periodStart: addDays(today, -10) });
    const klass = batchConfirmed(programme, { startDate: today, endDate: addDays(today, 4), confirmBy: addDays(today, 3), minimumQuorum: 1 });
    const [citra, dodi] = [randomUUID(), randomUUID()];
    const first = assigned(klass.batchId, citra);
    await harness.launch(programme, klass);
    await harness.publish(instructorAssignedEvent.with(klass.batchId, first));
    await currentInstructor(klass.batchId, citra);

    const replacement = assigned(klass.batchId, dodi, { replacesInstructorId: citra });
    const [, , lateRelease] = await harness.publish(
      instructorWithdrawnEvent.with(klass.batchId, { batchId: klass.batchId, assignmentId: first.assignmentId, instructorId: citra, reason: 'ill', reassigned: true }),
      instructorAssignedEvent.with(klass.batchId, replacement),
      // A repeat of the first assignment's end, after the replacement: it must not take the class from the replacement.
      instructorAssignmentReleasedEvent.with(klass.batchId, { batchId: klass.batchId, assignmentId: first.assignmentId, instructorId: citra, reason: 'ill' }),
    );
    await waitFor('the late release handled', async () => {
      const [row] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [lateRelease.id]);
      return row.count === 1;
    });
    await currentInstructor(klass.batchId, dodi);
    expect((await register(klass.batchId, instructor(citra))).status).toBe(403);
    expect((await register(klass.batchId, instructor(dodi))).status).toBe(200);
  });
});
