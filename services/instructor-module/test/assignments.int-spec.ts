import { randomUUID } from 'node:crypto';
import {
  AssignmentView,
  AssignmentWithdrawalView,
  batchCancelledEvent,
  batchPlannedEvent,
  batchPlanningFailedEvent,
  InstructorAssigned,
  InstructorAssignmentRejected,
  InstructorAssignmentReleased,
  InstructorWithdrawn,
  Problem,
  Page,
  Principal,
} from '@sinergi/contracts';
import { batchPlanned, InstructorModuleHarness } from './support';

describe('instructor-module assignments for the batch saga (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;

  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const plan = (overrides: Parameters<typeof batchPlanned>[0]) => {
    const batch = batchPlanned(overrides);
    return harness.publish(batchPlannedEvent.with(batch.batchId, batch)).then(() => batch);
  };
  const assignedTo = async (batchId: string) =>
    (await harness.waitForEvents<InstructorAssigned>('InstructorAssigned', (data) => data.batchId === batchId))[0].data;
  const rejectionOf = async (batchId: string) =>
    (await harness.waitForEvents<InstructorAssignmentRejected>('InstructorAssignmentRejected', (data) => data.batchId === batchId))[0].data;

  it('prefers an instructor from the class province, then the lightest load in the month, then the lowest id', async () => {
    const [local1, local2] = (await harness.registerInstructors(
      { homeProvinceCode: '32', competencies: ['KWU-PREF'] },
      { homeProvinceCode: '32', competencies: ['KWU-PREF'] },
    )).sort();
    const [elsewhere] = await harness.registerInstructors({ homeProvinceCode: '33', competencies: ['KWU-PREF'] });

    const first = await plan({ moduleCode: 'KWU-PREF', provinceCode: '32', startDate: '2025-05-05', endDate: '2025-05-09' });
    expect(await assignedTo(first.batchId)).toMatchObject({ instructorId: local1, moduleCode: 'KWU-PREF', startDate: '2025-05-05', endDate: '2025-05-09' });
    const second = await plan({ moduleCode: 'KWU-PREF', provinceCode: '32', startDate: '2025-05-12', endDate: '2025-05-16' });
    expect((await assignedTo(second.batchId)).instructorId).toBe(local2);
    const third = await plan({ moduleCode: 'KWU-PREF', provinceCode: '32', startDate: '2025-05-19', endDate: '2025-05-23' });
    expect((await assignedTo(third.batchId)).instructorId).toBe(local1);
    const inCentralJava = await plan({ moduleCode: 'KWU-PREF', provinceCode: '33', startDate: '2025-05-19', endDate: '2025-05-23' });
    expect((await assignedTo(inCentralJava.batchId)).instructorId).toBe(elsewhere);

    const listed = await harness.request<Page<AssignmentView>>('GET', `/assignments?instructorId=${local1}`);
    expect(listed.body.items.map((assignment) => assignment.batchId)).toEqual([first.batchId, third.batchId]);
  });

  it("takes the planner's proposed instructor while free; a proposal that lost the race goes to the next, or is rejected with the reason", async () => {
    const [local, elsewhere] = await harness.registerInstructors({ homeProvinceCode: '32', competencies: ['KWU-PROP'] }, { homeProvinceCode: '33', competencies: ['KWU-PROP'] });
    // By the usual ranking the class in 32 would go to the local instructor: the proposal comes first.
    const proposedElsewhere = await plan({ moduleCode: 'KWU-PROP', provinceCode: '32', startDate: '2025-06-02', endDate: '2025-06-06', proposedInstructorId: elsewhere });
    expect((await assignedTo(proposedElsewhere.batchId)).instructorId).toBe(elsewhere);

    // The same instructor proposed again for overlapping days (another plan won the race): someone else teaches.
    const lostRace = await plan({ moduleCode: 'KWU-PROP', provinceCode: '33', startDate: '2025-06-04', endDate: '2025-06-10', proposedInstructorId: elsewhere });
    expect((await assignedTo(lostRace.batchId)).instructorId).toBe(local);

    const nobodyLeft = await plan({ moduleCode: 'KWU-PROP', provinceCode: '33', startDate: '2025-06-05', endDate: '2025-06-05', proposedInstructorId: elsewhere });
    expect(await rejectionOf(nobodyLeft.batchId)).toEqual({
      batchId: nobodyLeft.batchId,
      moduleCode: 'KWU-PROP',
      reason: 'all 2 active instructors competent in module KWU-PROP cannot take 2025-06-05..2025-06-05: 2 teaching another class on those days',
    });
  });

  it('re-announces the assignment when a staffed class is planned again', async () => {
    await harness.registerInstructors({ competencies: ['KWU-AGAIN'] });
    const batch = await plan({ moduleCode: 'KWU-AGAIN' });
    const original = await assignedTo(batch.batchId);
    await harness.publish(batchPlannedEvent.with(batch.batchId, batch));
    const announced = await harness.waitForEvents<InstructorAssigned>('InstructorAssigned', (data) => data.batchId === batch.batchId, 2);
    expect(announced.map((event) => event.data)).toEqual([original, original]);
  });

  it('rejects a class when nobody is competent in its module', async () => {
    const batch = await plan({ moduleCode: 'KWU-NOBODY' });
    expect(await rejectionOf(batch.batchId)).toEqual({
      batchId: batch.batchId,
      moduleCode: 'KWU-NOBODY',
      reason: 'no active instructor is competent in module KWU-NOBODY',
    });
  });

  it('rejects a class when every competent instructor is busy, unavailable or at the limit, and saying which', async () => {
    const [busy, unavailable] = await harness.registerInstructors(
      { competencies: ['KWU-FULL'], maxClassesPerPeriod: 5 },
      { competencies: ['KWU-FULL'], maxClassesPerPeriod: 5 },
    );
    await harness.registerInstructors({ competencies: ['KWU-FULL'], maxClassesPerPeriod: 1, active: false });
    await harness.request('POST', `/instructors/${unavailable}/unavailability`, { from: '2025-05-07', to: '2025-05-07' });
    const taken = await plan({ moduleCode: 'KWU-FULL', startDate: '2025-05-05', endDate: '2025-05-09' });
    expect((await assignedTo(taken.batchId)).instructorId).toBe(busy);

    const [limited] = await harness.registerInstructors({ competencies: ['KWU-FULL', 'KWU-OTHER'], maxClassesPerPeriod: 1 });
    const otherModule = await plan({ moduleCode: 'KWU-OTHER', startDate: '2025-05-26', endDate: '2025-05-30' });
    expect((await assignedTo(otherModule.batchId)).instructorId).toBe(limited);

    const refused = await plan({ moduleCode: 'KWU-FULL', startDate: '2025-05-06', endDate: '2025-05-08' });
    expect((await rejectionOf(refused.batchId)).reason).toBe(
      'all 3 active instructors competent in module KWU-FULL cannot take 2025-05-06..2025-05-08: ' +
        '1 teaching another class on those days, 1 unavailable on some of those days, 1 at their limit of classes for 2025-05',
    );
  });

  it('releases the instructor when planning fails or the class is cancelled, and they can be assigned again', async () => {
    const [only] = await harness.registerInstructors({ competencies: ['KWU-RELEASE'] });
    const failing = await plan({ moduleCode: 'KWU-RELEASE' });
    const assigned = await assignedTo(failing.batchId);
    const waiting = await plan({ moduleCode: 'KWU-RELEASE' });
    expect((await rejectionOf(waiting.batchId)).reason).toContain('1 teaching another class');

    await harness.publish(
      batchPlanningFailedEvent.with(failing.batchId, {
        batchId: failing.batchId,
        programmeId: failing.programmeId,
        failedStep: 'venue',
        reason: 'no room free',
      }),
    );
    const [released] = await harness.waitForEvents<InstructorAssignmentReleased>(
      'InstructorAssignmentReleased',
      (data) => data.batchId === failing.batchId,
    );
    expect(released.data).toEqual({
      batchId: failing.batchId,
      assignmentId: assigned.assignmentId,
      instructorId: only,
      reason: 'batch planning failed (venue): no room free',
    });

    await harness.publish(batchPlannedEvent.with(waiting.batchId, waiting));
    expect((await assignedTo(waiting.batchId)).instructorId).toBe(only);

    await harness.publish(
      batchCancelledEvent.with(waiting.batchId, {
        batchId: waiting.batchId,
        programmeId: waiting.programmeId,
        reason: 'under-quorum',
        detail: 'only 5 confirmed',
      }),
    );
    await harness.waitForEvents<InstructorAssignmentReleased>(
      'InstructorAssignmentReleased',
      (data) => data.batchId === waiting.batchId && data.reason === 'batch cancelled (under-quorum): only 5 confirmed',
    );
    const assignments = await harness.request<Page<AssignmentView>>('GET', `/assignments?instructorId=${only}`);
    expect(assignments.body.items.map((assignment) => assignment.status)).toEqual(['released', 'released']);
  });

  it('reassigns a class when its instructor withdraws, and tells the saga when nobody can take over', async () => {
    await harness.registerInstructors({ competencies: ['KWU-WITHDRAW'] }, { competencies: ['KWU-WITHDRAW'] });
    const batch = await plan({ moduleCode: 'KWU-WITHDRAW' });
    const first = await assignedTo(batch.batchId);

    const reassigned = await harness.request<AssignmentWithdrawalView>(
      'POST',
      `/assignments/${first.assignmentId}/withdraw`,
      { reason: 'sakit' },
    );
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.withdrawn).toMatchObject({ id: first.assignmentId, status: 'withdrawn' });
    const second = reassigned.body.replacement as AssignmentView;
    expect(second).toMatchObject({ status: 'active', replacesInstructorId: first.instructorId });
    expect(second.instructorId).not.toBe(first.instructorId);

    const lastWithdrawal = await harness.request<AssignmentWithdrawalView>('POST', `/assignments/${second.id}/withdraw`, { reason: 'bentrok jadwal' });
    expect(lastWithdrawal.body.replacement).toBeNull();

    const withdrawals = await harness.waitForEvents<InstructorWithdrawn>('InstructorWithdrawn', (data) => data.batchId === batch.batchId, 2);
    expect(withdrawals.map((event) => event.data)).toEqual([
      { batchId: batch.batchId, assignmentId: first.assignmentId, instructorId: first.instructorId, reason: 'sakit', reassigned: true },
      { batchId: batch.batchId, assignmentId: second.id, instructorId: second.instructorId, reason: 'bentrok jadwal', reassigned: false },
    ]);
    const announced = await harness.waitForEvents<InstructorAssigned>('InstructorAssigned', (data) => data.batchId === batch.batchId, 2);
    expect(announced[1].data).toMatchObject({ assignmentId: second.id, replacesInstructorId: first.instructorId });
    expect(harness.typesFor(batch.batchId)).toEqual(['InstructorAssigned', 'InstructorWithdrawn', 'InstructorAssigned', 'InstructorWithdrawn']);

    const again = await harness.request<Problem>('POST', `/assignments/${second.id}/withdraw`, { reason: 'lagi' });
    expect(again).toMatchObject({ status: 409, body: { errors: [{ field: 'status', rule: 'active' }] } });
    expect((await harness.request('POST', `/assignments/${randomUUID()}/withdraw`, { reason: 'x' })).status).toBe(404);
    expect((await harness.request<Problem>('POST', `/assignments/${second.id}/withdraw`, {})).body.errors).toContainEqual(
      expect.objectContaining({ field: 'reason', message: 'reason must be 1-400 characters' }),
    );
  });

  it('shows an instructor only their own assignments, and pages them by startDate', async () => {
    const [mine, theirs] = await harness.registerInstructors(
      { homeProvinceCode: '32', competencies: ['KWU-REACH'], maxClassesPerPeriod: 10 },
      { homeProvinceCode: '32', competencies: ['KWU-THEIRS'], maxClassesPerPeriod: 10 },
    );
    const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];
    const batches = [];
    for (const startDate of weeks) batches.push(await plan({ moduleCode: 'KWU-REACH', provinceCode: '32', startDate, endDate: startDate }));
    const other = await plan({ moduleCode: 'KWU-THEIRS', provinceCode: '32', startDate: '2026-03-02', endDate: '2026-03-02' });
    for (const batch of batches) expect((await assignedTo(batch.batchId)).instructorId).toBe(mine);
    expect((await assignedTo(other.batchId)).instructorId).toBe(theirs);
    const me: Principal = { subject: 'instructor', roles: ['instructor'], venueCodes: [], instructorId: mine };

    const seen: AssignmentView[] = [];
    let cursor: string | undefined;
    do {
      const page = await harness.request<Page<AssignmentView>>('GET', `/assignments?instructorId=${mine}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, {}, me);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.next;
    } while (cursor);
    expect(seen.map((assignment) => assignment.batchId)).toEqual(batches.map((batch) => batch.batchId));
    expect((await harness.request<Page<AssignmentView>>('GET', `/assignments?batchId=${other.batchId}`, undefined, {}, me)).body.items).toEqual([]);
    expect((await harness.request('GET', `/assignments?instructorId=${theirs}`, undefined, {}, me)).status).toBe(403);
    const [theirAssignment] = (await harness.request<Page<AssignmentView>>('GET', `/assignments?batchId=${other.batchId}`)).body.items;
    expect((await harness.request('GET', `/assignments/${theirAssignment.id}`, undefined, {}, me)).status).toBe(403);
    expect((await harness.request('GET', `/assignments/${seen[0].id}`, undefined, {}, me)).status).toBe(200);
    const bad = await harness.request<Problem>('GET', `/assignments?instructorId=${mine}&cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
