import { randomUUID } from 'node:crypto';
import {
  addDays,
  BatchPlanned,
  BulkPlanView,
  DirectoryInstructorPage,
  instructorAssignedEvent,
  instructorAssignmentReleasedEvent,
  instructorUpdatedEvent,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { BatchesHarness, instructors, today, venue } from './batches-harness';

/**
 * The bulk planner against program's own copy of instructor-module's catalogue and assignments, fed through the inbox
 * transport from real Kafka, on real PostgreSQL (instructor-module's events are published by the test).
 */
describe('program: bulk planning with rooms and instructors together (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  // Three rooms, and a window of three back-to-back 5-day slots (the harness's programmes teach every day).
  const padang = venue('BLK-PDG', '13', [20, 20, 20]);
  const window = { from: addDays(today(), 1), to: addDays(today(), 15), provinceCodes: ['13'] };
  const team = instructors(2, '13');
  const bulk = (programmeId: string, count: number) =>
    harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, { count, ...window });
  const bookingsOf = (instructorId: string) =>
    harness.dataSource.query('SELECT batch_id AS "batchId", start_date::text AS "startDate" FROM instructor_bookings WHERE instructor_id = $1', [instructorId]);

  beforeAll(async () => {
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: '600000' });
    await harness.registerVenues([padang]);
    await harness.registerInstructors(team);
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it("keeps instructor-module's public profiles as its instructor directory", async () => {
    const listed = await harness.request<DirectoryInstructorPage>('GET', '/instructor-directory?moduleCode=KWU-01');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.instructorId).sort()).toEqual(team.map((member) => member.instructorId).sort());
    expect((await harness.request('GET', '/instructor-directory?moduleCode=bad code')).status).toBe(400);
  });

  it('plans no more classes at a time than instructors are free, spread over the window, each with a proposed instructor', async () => {
    const programmeId = await harness.insertProgramme();
    // Rooms alone would take 9 classes, three a slot; two instructors teach two a slot.
    const response = await bulk(programmeId, 7);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ planned: 6, unplaced: 1 });
    expect(response.body.reasons).toEqual([
      { rule: 'no-instructor', count: 1, reason: expect.stringMatching(/^no instructor free: of the 2 active instructors competent in module KWU-01/) },
    ]);

    const planned = await Promise.all(response.body.batchIds.map(async (id) => (await harness.waitForEvent<BatchPlanned>(id, 'BatchPlanned')).data));
    const starts = planned.map((batch) => batch.startDate).sort();
    expect(starts).toEqual([1, 1, 6, 6, 11, 11].map((days) => addDays(today(), days)));
    for (const member of team) {
      const theirs = planned.filter((batch) => batch.proposedInstructorId === member.instructorId).map((batch) => batch.startDate);
      expect(theirs.sort()).toEqual([1, 6, 11].map((days) => addDays(today(), days)));
    }
  });

  it("counts instructor-module's assignments, and frees an instructor when an assignment is released", async () => {
    const [busy] = team;
    const elsewhere = { batchId: randomUUID(), assignmentId: randomUUID() };
    await harness.publish(
      instructorAssignedEvent.with(elsewhere.batchId, {
        ...elsewhere,
        instructorId: busy.instructorId,
        moduleCode: 'KWU-01',
        startDate: addDays(today(), 16),
        endDate: addDays(today(), 30),
      }),
    );
    await waitFor('the assignment in the bookings', async () => (await bookingsOf(busy.instructorId)).some((row: { batchId: string }) => row.batchId === elsewhere.batchId));
    const later = { from: addDays(today(), 16), to: addDays(today(), 26), provinceCodes: ['13'] };
    const programmeId = await harness.insertProgramme();
    const first = await harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, { count: 2, ...later });
    expect(first.body).toMatchObject({ planned: 2, unplaced: 0 });
    const proposed = await Promise.all(first.body.batchIds.map(async (id) => (await harness.waitForEvent<BatchPlanned>(id, 'BatchPlanned')).data.proposedInstructorId));
    expect(proposed).toEqual([team[1].instructorId, team[1].instructorId]);

    await harness.publish(
      instructorAssignmentReleasedEvent.with(elsewhere.batchId, { ...elsewhere, instructorId: busy.instructorId, reason: 'batch cancelled (admin): test' }),
    );
    await waitFor('the booking gone', async () => (await bookingsOf(busy.instructorId)).length === 0);
    const second = await harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, { count: 1, ...later });
    expect(second.body).toMatchObject({ planned: 1, unplaced: 0 });
    const [batchId] = second.body.batchIds;
    expect((await harness.waitForEvent<BatchPlanned>(batchId, 'BatchPlanned')).data.proposedInstructorId).toBe(busy.instructorId);
  });

  it('proposes nobody who became inactive', async () => {
    await harness.publish(...team.map((member) => instructorUpdatedEvent.with(member.instructorId, { ...member, active: false })));
    await waitFor('the instructors inactive', async () => {
      const [{ count }] = await harness.dataSource.query('SELECT COUNT(*)::int AS count FROM directory_instructors WHERE active');
      return count === 0;
    });
    const programmeId = await harness.insertProgramme();
    const response = await harness.request<BulkPlanView>('POST', `/programmes/${programmeId}/batches/bulk`, {
      count: 1,
      from: addDays(today(), 31),
      to: addDays(today(), 40),
      provinceCodes: ['13'],
    });
    expect(response.body).toMatchObject({ planned: 0, unplaced: 1, reasons: [expect.objectContaining({ rule: 'no-instructor' })] });
  });
});
