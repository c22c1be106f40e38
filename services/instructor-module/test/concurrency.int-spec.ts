import { DataSource } from 'typeorm';
import { batchPlannedEvent, InstructorAssigned, InstructorAssignmentRejected, InstructorDetailView } from '@sinergi/contracts';
import { AssignmentsService } from '../src/assignments/assignments.service';
import { batchPlanned, instructorBody, InstructorModuleHarness } from './support';

/** Five-day classes starting 3 to 7 May: every one of them holds 7 May, so an instructor can take only one. */
function overlappingDates(index: number): { startDate: string; endDate: string } {
  const start = 3 + (index % 5);
  const day = (n: number) => `2025-05-${String(n).padStart(2, '0')}`;
  return { startDate: day(start), endDate: day(start + 4) };
}

describe('instructor-module never double-books an instructor under concurrency (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;

  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  async function registerInstructors(count: number, overrides: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      ids.push((await harness.request<InstructorDetailView>('POST', '/instructors', instructorBody(overrides))).body.id);
    }
    return ids.sort();
  }

  /** Instructor-days held by more than one active assignment: must always be none. */
  const doubleBookedDays = () =>
    harness.query(
      `SELECT a.instructor_id, day::date AS day, count(*)::int AS held
         FROM assignments a, generate_series(a.start_date, a.end_date, interval '1 day') AS day
        WHERE a.status = 'active'
        GROUP BY 1, 2 HAVING count(*) > 1`,
    );

  const activeInstructorsFor = async (moduleCode: string) =>
    (await harness.query<{ instructor_id: string }>("SELECT instructor_id FROM assignments WHERE status = 'active' AND module_code = $1", [moduleCode]))
      .map((row) => row.instructor_id)
      .sort();

  it('assigns exactly 3 of 15 overlapping classes planned at once over Kafka, and rejects the rest', async () => {
    const instructors = await registerInstructors(3, { competencies: ['KWU-RUSH'], maxClassesPerPeriod: 10 });
    const batches = Array.from({ length: 15 }, (_, index) => batchPlanned({ moduleCode: 'KWU-RUSH', ...overlappingDates(index) }));
    const ids = new Set(batches.map((batch) => batch.batchId));

    await Promise.all(batches.map((batch) => harness.publish(batchPlannedEvent.with(batch.batchId, batch))));

    const assigned = await harness.waitForEvents<InstructorAssigned>('InstructorAssigned', (data) => ids.has(data.batchId), 3);
    const rejected = await harness.waitForEvents<InstructorAssignmentRejected>('InstructorAssignmentRejected', (data) => ids.has(data.batchId), 12);
    expect(assigned).toHaveLength(3);
    expect(rejected).toHaveLength(12);
    expect(assigned.map((event) => event.data.instructorId).sort()).toEqual(instructors);
    for (const event of rejected) {
      expect(event.data.reason).toMatch(/^all 3 active instructors competent in module KWU-RUSH cannot take .*: 3 teaching another class on those days$/);
    }
    expect(await activeInstructorsFor('KWU-RUSH')).toEqual(instructors);
    expect(await doubleBookedDays()).toEqual([]);
  });

  it('assigns exactly 3 of 15 overlapping classes staffed in parallel transactions', async () => {
    const instructors = await registerInstructors(3, { competencies: ['KWU-PARALLEL'], maxClassesPerPeriod: 10 });
    const service = harness.service.app.get(AssignmentsService);
    const dataSource = harness.service.app.get(DataSource);
    const batches = Array.from({ length: 15 }, (_, index) => batchPlanned({ moduleCode: 'KWU-PARALLEL', ...overlappingDates(index) }));

    await Promise.all(batches.map((batch) => dataSource.transaction((manager) => service.assignClass(manager, batch))));

    expect(await activeInstructorsFor('KWU-PARALLEL')).toEqual(instructors);
    expect(await doubleBookedDays()).toEqual([]);
  });

  it('keeps to the monthly limit when non-overlapping classes are staffed in parallel', async () => {
    const [instructor] = await registerInstructors(1, { competencies: ['KWU-LIMIT'], maxClassesPerPeriod: 2 });
    const service = harness.service.app.get(AssignmentsService);
    const dataSource = harness.service.app.get(DataSource);
    const batches = [1, 5, 9, 13, 17, 21].map((day) =>
      batchPlanned({ moduleCode: 'KWU-LIMIT', startDate: `2025-05-${String(day).padStart(2, '0')}`, endDate: `2025-05-${String(day + 2).padStart(2, '0')}` }),
    );

    await Promise.all(batches.map((batch) => dataSource.transaction((manager) => service.assignClass(manager, batch))));

    expect(await activeInstructorsFor('KWU-LIMIT')).toEqual([instructor, instructor]);
  });

  it('is enforced by the database itself: an overlapping active assignment is refused', async () => {
    const [instructor] = await registerInstructors(1, { competencies: ['KWU-DB'] });
    const insert = (batch: ReturnType<typeof batchPlanned>) =>
      harness.query(
        `INSERT INTO assignments (id, batch_id, instructor_id, module_code, province_code, start_date, end_date, period, status)
         VALUES (gen_random_uuid(), $1, $2, 'KWU-DB', '32', $3, $4, '2025-05', 'active')`,
        [batch.batchId, instructor, batch.startDate, batch.endDate],
      );
    await insert(batchPlanned({ startDate: '2025-05-05', endDate: '2025-05-09' }));
    await expect(insert(batchPlanned({ startDate: '2025-05-09', endDate: '2025-05-10' }))).rejects.toMatchObject({ code: '23P01' });
    await insert(batchPlanned({ startDate: '2025-05-10', endDate: '2025-05-11' }));
  });
});
