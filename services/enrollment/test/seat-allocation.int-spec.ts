import { randomUUID } from 'node:crypto';
import { EnrollmentView, ProgrammeLaunched } from '@sinergi/contracts';
import { Batch } from '../src/classes/batch.entity';
import { takePlace } from '../src/enrollments/seat-allocation';
import { Placement } from '../src/enrollments/seating.rules';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

const REQUESTS = 100;

describe('enrollment seat allocation without a province lock (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  /** A programme with classes of these seats and reserves in province 32, as enrollment holds them. */
  async function launched(
    ...sizes: Array<{ seats: number; reserves: number }>
  ): Promise<{ programme: ProgrammeLaunched; batchIds: string[] }> {
    const programme = programmeLaunched();
    const batches = sizes.map((size) => batchConfirmed(programme, { ...size, minimumQuorum: 1 }));
    await harness.launch(programme, ...batches);
    return { programme, batchIds: batches.map((batch) => batch.batchId) };
  }

  function take(programme: ProgrammeLaunched): Promise<Placement<Batch>> {
    return harness.dataSource.transaction((manager) => takePlace(manager, { programmeId: programme.programmeId, provinceCode: '32' }));
  }

  /** A transaction holding the class row lock until release is called. */
  async function holdLock(batchId: string): Promise<() => Promise<void>> {
    const holder = harness.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM batches WHERE id = $1 FOR UPDATE', [batchId]);
    return async () => {
      await holder.commitTransaction();
      await holder.release();
    };
  }

  // 30 rounds: a request that fell back to waiting while it kept a class lock from its first try deadlocked in about one round of 15.
  it(`never overfills nor deadlocks: ${REQUESTS} concurrent requests over three classes take exactly the seats and reserve places there are (30 rounds)`, async () => {
    for (let round = 0; round < 30; round++) {
      const { programme, batchIds } = await launched({ seats: 5, reserves: 2 }, { seats: 7, reserves: 0 }, { seats: 4, reserves: 1 });
      const placements = await Promise.all(Array.from({ length: REQUESTS }, () => take(programme)));
      const byKind = (kind: string) => placements.filter((placement) => placement.kind === kind);
      expect(byKind('seat')).toHaveLength(16);
      expect(byKind('reserve')).toHaveLength(3);
      expect(byKind('none')).toHaveLength(REQUESTS - 19);
      const rows = await harness.query<{ id: string; seats: number; selected: number; reserves: number; reserved: number }>(
        'SELECT id, seats, selected, reserves, reserved FROM batches WHERE id = ANY($1) ORDER BY seats',
        [batchIds],
      );
      expect(rows.map(({ seats, selected, reserves, reserved }) => ({ seats, selected, reserves, reserved }))).toEqual([
        { seats: 4, selected: 4, reserves: 1, reserved: 1 },
        { seats: 5, selected: 5, reserves: 2, reserved: 2 },
        { seats: 7, selected: 7, reserves: 0, reserved: 0 },
      ]);
      const ranks = byKind('reserve').map((placement) => (placement.kind === 'reserve' ? `${placement.klass.seats}:${placement.rank}` : ''));
      expect(ranks.sort()).toEqual(['4:1', '5:1', '5:2']);
    }
  });

  it('takes a seat in another class, without waiting, while the best one is locked', async () => {
    const { programme, batchIds } = await launched({ seats: 8, reserves: 0 }, { seats: 4, reserves: 0 });
    const release = await holdLock(batchIds[0]);
    try {
      const placement = await take(programme);
      expect(placement).toMatchObject({ kind: 'seat', klass: { id: batchIds[1], selected: 1 } });
    } finally {
      await release();
    }
  });

  it('waits for a locked class when it has the only free seat, rather than reporting none (the exact fallback)', async () => {
    const { programme, batchIds } = await launched({ seats: 1, reserves: 1 });
    const release = await holdLock(batchIds[0]);
    let settled = false;
    const placing = take(programme).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await release();
    expect(await placing).toMatchObject({ kind: 'seat', klass: { id: batchIds[0], selected: 1 } });
    // The class is now full: a seat is never given twice, the reserve place comes next.
    expect(await take(programme)).toMatchObject({ kind: 'reserve', rank: 1 });
    expect(await take(programme)).toEqual({ kind: 'none', reason: 'the class is full: all 1 seats and 1 reserve places are taken' });
  });

  it('gives one enrollment for two concurrent requests with the same Idempotency-Key', async () => {
    const { programme } = await launched({ seats: 4, reserves: 0 });
    const participant = await harness.registerChecked(participantBody());
    const key = randomUUID();
    const body = { participantId: participant.id, programmeId: programme.programmeId };
    const [first, second] = await Promise.all([harness.enroll<EnrollmentView>(body, key), harness.enroll<EnrollmentView>(body, key)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(first.body.status).toBe('selected');
    const enrollments = await harness.query<{ id: string }>('SELECT id FROM enrollments WHERE participant_id = $1', [participant.id]);
    expect(enrollments).toEqual([{ id: first.body.id }]);
  });
});
