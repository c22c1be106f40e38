import { AssignmentView, BatchPlanned, batchPlannedEvent, BatchRescheduled, batchRescheduledEvent, InstructorAssigned, InstructorAssignmentRejected, InstructorWithdrawn, Page } from '@sinergi/contracts';
import { batchPlanned, InstructorModuleHarness } from './support';

describe('instructor-module follows a rescheduled class (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;

  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const plan = async (overrides: Partial<BatchPlanned>): Promise<BatchPlanned> => {
    const batch = batchPlanned(overrides);
    await harness.publish(batchPlannedEvent.with(batch.batchId, batch));
    return batch;
  };
  const assignments = (batchId: string, count: number) =>
    harness.waitForEvents<InstructorAssigned>('InstructorAssigned', (data) => data.batchId === batchId, count).then((found) => found.map((event) => event.data));
  const assignedTo = async (batchId: string) => (await assignments(batchId, 1))[0];
  const withdrawalOf = async (batchId: string) =>
    (await harness.waitForEvents<InstructorWithdrawn>('InstructorWithdrawn', (data) => data.batchId === batchId))[0].data;
  const reschedule = async (batch: BatchPlanned, from: { startDate: string; endDate: string }, startDate: string, endDate: string) => {
    const data: BatchRescheduled = {
      batchId: batch.batchId,
      programmeId: batch.programmeId,
      previousStartDate: from.startDate,
      previousEndDate: from.endDate,
      startDate,
      endDate,
      reason: 'gedung direnovasi',
    };
    await harness.publish(batchRescheduledEvent.with(batch.batchId, data));
  };

  it('moves the assignment when the instructor is free on the new dates, frees the old days, and re-announces a repeat', async () => {
    const [only] = await harness.registerInstructors({ competencies: ['KWU-RS-FREE'], maxClassesPerPeriod: 2 });
    const batch = await plan({ moduleCode: 'KWU-RS-FREE', startDate: '2025-07-07', endDate: '2025-07-11' });
    const original = await assignedTo(batch.batchId);
    expect(original.instructorId).toBe(only);

    // The new dates overlap the class's own old days: only other classes count as busy.
    await reschedule(batch, batch, '2025-07-09', '2025-07-15');
    const moved = (await assignments(batch.batchId, 2))[1];
    expect(moved).toEqual({ ...original, startDate: '2025-07-09', endDate: '2025-07-15' });
    const stored = await harness.request<AssignmentView>('GET', `/assignments/${original.assignmentId}`);
    expect(stored.body).toMatchObject({ status: 'active', startDate: '2025-07-09', endDate: '2025-07-15', period: '2025-07' });

    // 7 and 8 July are free again: the same (only) instructor takes another class on them.
    const onOldDays = await plan({ moduleCode: 'KWU-RS-FREE', startDate: '2025-07-07', endDate: '2025-07-08' });
    expect((await assignedTo(onOldDays.batchId)).instructorId).toBe(only);

    await reschedule(batch, batch, '2025-07-09', '2025-07-15');
    expect((await assignments(batch.batchId, 3))[2]).toEqual(moved);
    expect(harness.typesFor(batch.batchId)).toEqual(['InstructorAssigned', 'InstructorAssigned', 'InstructorAssigned']);
  });

  it('hands the class to another qualified instructor when its own is busy on the new dates', async () => {
    const [busy] = await harness.registerInstructors({ competencies: ['KWU-RS-BUSY', 'KWU-RS-ELSE'], homeProvinceCode: '32' });
    const [other] = await harness.registerInstructors({ competencies: ['KWU-RS-BUSY'], homeProvinceCode: '33' });
    const batch = await plan({ moduleCode: 'KWU-RS-BUSY', provinceCode: '32', startDate: '2025-07-07', endDate: '2025-07-11' });
    const original = await assignedTo(batch.batchId);
    expect(original.instructorId).toBe(busy);
    const elsewhere = await plan({ moduleCode: 'KWU-RS-ELSE', startDate: '2025-07-16', endDate: '2025-07-18' });
    expect((await assignedTo(elsewhere.batchId)).instructorId).toBe(busy);

    await reschedule(batch, batch, '2025-07-14', '2025-07-18');
    expect(await withdrawalOf(batch.batchId)).toEqual({
      batchId: batch.batchId,
      assignmentId: original.assignmentId,
      instructorId: busy,
      reason: 'class moved to 2025-07-14..2025-07-18 (gedung direnovasi); the instructor cannot teach it: teaching another class on those days',
      reassigned: true,
    });
    const replacement = (await assignments(batch.batchId, 2))[1];
    expect(replacement).toMatchObject({
      batchId: batch.batchId,
      instructorId: other,
      moduleCode: 'KWU-RS-BUSY',
      startDate: '2025-07-14',
      endDate: '2025-07-18',
      replacesInstructorId: busy,
    });
    expect(replacement.assignmentId).not.toBe(original.assignmentId);
    expect(harness.typesFor(batch.batchId)).toEqual(['InstructorAssigned', 'InstructorWithdrawn', 'InstructorAssigned']);

    const rows = await harness.request<Page<AssignmentView>>('GET', `/assignments?batchId=${batch.batchId}`);
    expect(rows.body.items).toEqual([
      expect.objectContaining({ id: original.assignmentId, status: 'released', startDate: '2025-07-07', endDate: '2025-07-11' }),
      expect.objectContaining({ id: replacement.assignmentId, status: 'active', startDate: '2025-07-14', endDate: '2025-07-18' }),
    ]);
  });

  it('tells the saga nobody can take over when no qualified instructor can teach the new dates', async () => {
    const [only] = await harness.registerInstructors({ competencies: ['KWU-RS-NONE', 'KWU-RS-AUG'], maxClassesPerPeriod: 1 });
    const batch = await plan({ moduleCode: 'KWU-RS-NONE', startDate: '2025-07-28', endDate: '2025-07-31' });
    const original = await assignedTo(batch.batchId);
    const august = await plan({ moduleCode: 'KWU-RS-AUG', startDate: '2025-08-18', endDate: '2025-08-22' });
    expect((await assignedTo(august.batchId)).instructorId).toBe(only);

    await reschedule(batch, batch, '2025-08-04', '2025-08-08');
    expect(await withdrawalOf(batch.batchId)).toEqual({
      batchId: batch.batchId,
      assignmentId: original.assignmentId,
      instructorId: only,
      reason: 'class moved to 2025-08-04..2025-08-08 (gedung direnovasi); the instructor cannot teach it: at their limit of 1 classes for 2025-08',
      reassigned: false,
    });
    expect(harness.typesFor(batch.batchId)).toEqual(['InstructorAssigned', 'InstructorWithdrawn']);
    const stored = await harness.request<AssignmentView>('GET', `/assignments/${original.assignmentId}`);
    expect(stored.body).toMatchObject({ status: 'released', startDate: '2025-07-28', endDate: '2025-07-31' });
  });

  it('does nothing for a class without an active assignment', async () => {
    await harness.registerInstructors({ competencies: ['KWU-RS-UNKNOWN'] });
    const unknown = batchPlanned({ moduleCode: 'KWU-RS-UNKNOWN', startDate: '2025-07-07', endDate: '2025-07-11' });
    await reschedule(unknown, unknown, '2025-07-14', '2025-07-18');
    // Same key, same partition: whatever the reschedule published would come before the answer to this plan.
    await harness.publish(batchPlannedEvent.with(unknown.batchId, unknown));
    const assigned = await assignedTo(unknown.batchId);
    expect(assigned).toMatchObject({ startDate: '2025-07-07', endDate: '2025-07-11' });
    expect(harness.typesFor(unknown.batchId)).toEqual(['InstructorAssigned']);
    expect(harness.eventsOfType<InstructorAssignmentRejected>('InstructorAssignmentRejected').filter((e) => e.data.batchId === unknown.batchId)).toEqual([]);
  });
});
