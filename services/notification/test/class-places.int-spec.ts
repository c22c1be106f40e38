import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { recordPlace } from '../src/messages/class-places';
import { NotificationHarness } from './support';

/** Real database: a place and its class row, recorded in one statement, however the class row came to be. */
describe('notification: recording a place in a class', () => {
  let harness: NotificationHarness;
  let dataSource: DataSource;

  beforeAll(async () => {
    harness = await NotificationHarness.start();
    dataSource = harness.service.app.get(DataSource);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const place = (batchId: string) => ({ enrollmentId: randomUUID(), participantId: randomUUID(), programmeId: randomUUID(), batchId });
  const placeStatus = async (enrollmentId: string) =>
    (await dataSource.query<Array<{ status: string }>>('SELECT status FROM class_places WHERE enrollment_id = $1', [enrollmentId]))[0]
      ?.status;

  async function inTransaction(): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    return runner;
  }

  it('creates the class row empty when program has not told of the class yet, and the place with it', async () => {
    const seat = place(randomUUID());
    await expect(dataSource.transaction((manager) => recordPlace(manager, seat, 'selected'))).resolves.toEqual({
      startDate: null,
      status: 'planned',
    });
    expect(await placeStatus(seat.enrollmentId)).toBe('selected');
  });

  it('returns the class as program told of it, and moves a place along', async () => {
    const batchId = randomUUID();
    await dataSource.query(`INSERT INTO classes (batch_id, programme_id, start_date, status) VALUES ($1, $2, '2027-05-03', 'confirmed')`, [
      batchId,
      randomUUID(),
    ]);
    const seat = place(batchId);
    await dataSource.transaction((manager) => recordPlace(manager, seat, 'selected'));
    await expect(dataSource.transaction((manager) => recordPlace(manager, seat, 'confirmed'))).resolves.toEqual({
      startDate: '2027-05-03',
      status: 'confirmed',
    });
    expect(await placeStatus(seat.enrollmentId)).toBe('confirmed');
  });

  it('reads the class again when another transaction inserted it while the statement waited', async () => {
    const batchId = randomUUID();
    const program = await inTransaction();
    const places = await inTransaction();
    try {
      await program.query(`INSERT INTO classes (batch_id, programme_id, start_date, status) VALUES ($1, $2, '2027-06-07', 'confirmed')`, [
        batchId,
        randomUUID(),
      ]);
      const recording = recordPlace(places.manager, place(batchId), 'selected'); // waits on the uncommitted class row
      await new Promise((resolve) => setTimeout(resolve, 200));
      await program.commitTransaction();
      await expect(recording).resolves.toEqual({ startDate: '2027-06-07', status: 'confirmed' });
    } finally {
      await places.rollbackTransaction();
      await Promise.all([program.release(), places.release()]);
    }
  });
});
