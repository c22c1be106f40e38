import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DrawEntry } from '@sinergi/contracts';
import { runMigrations } from '@sinergi/platform';
import { createTestDatabase, TestDatabase } from '@sinergi/testing';
import { enrollmentService } from '../src/enrollment.service-definition';
import { MoveSelectionEntries1732700000400 } from '../src/migrations/1732700000400-move-selection-entries';

const migrations = enrollmentService.migrations;
const before = migrations.slice(0, migrations.indexOf(MoveSelectionEntries1732700000400));

function entry(position: number, overrides: Partial<DrawEntry> = {}): DrawEntry {
  return {
    position,
    enrollmentId: randomUUID(),
    participantId: randomUUID(),
    lotteryKey: `${position}`.padStart(64, '0'),
    score: null,
    businessScale: 'micro',
    submittedAt: `2025-04-01T08:00:0${position}.123Z`,
    outcome: 'selected',
    batchId: randomUUID(),
    reserveRank: null,
    ...overrides,
  };
}

/** The draws recorded before entries had a table of their own keep every entry, there and back (real PostgreSQL). */
describe('enrollment migration of selection entries', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('enrollment_migration');
    await runMigrations(database.url, before);
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations, migrationsTransactionMode: 'each' }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('moves each JSONB entry into selection_entries, and back on the way down', async () => {
    const lottery = { programmeId: randomUUID(), entries: [entry(1), entry(2, { outcome: 'reserved', reserveRank: 1 }), entry(3, { outcome: 'not-selected', batchId: null })] };
    const ranked = { programmeId: randomUUID(), entries: [entry(1, { lotteryKey: null, score: 87.5, businessScale: 'small' })] };
    const empty = { programmeId: randomUUID(), entries: [] };
    for (const draw of [lottery, ranked, empty]) {
      await dataSource.query(
        `INSERT INTO selection_draws (programme_id, policy, seed, pool_size, pool_digest, entries, drawn_at) VALUES ($1, 'lottery', 's', $2, $3, $4, now())`,
        [draw.programmeId, draw.entries.length, 'a'.repeat(64), JSON.stringify(draw.entries)],
      );
    }

    await dataSource.runMigrations();
    const moved = await dataSource.query<Array<Record<string, unknown>>>(
      `SELECT programme_id AS "programmeId", position, enrollment_id AS "enrollmentId", participant_id AS "participantId", lottery_key AS "lotteryKey",
              score, business_scale AS "businessScale", submitted_at AS "submittedAt", outcome, batch_id AS "batchId", reserve_rank AS "reserveRank"
         FROM selection_entries ORDER BY programme_id, position`,
    );
    const expected = [lottery, ranked]
      .flatMap((draw) => draw.entries.map((moved) => ({ ...moved, programmeId: draw.programmeId, submittedAt: new Date(moved.submittedAt) })))
      .sort((a, b) => (a.programmeId < b.programmeId ? -1 : a.programmeId > b.programmeId ? 1 : a.position - b.position));
    expect(moved).toEqual(expected);
    const [column] = await dataSource.query<Array<{ count: number }>>(
      "SELECT count(*)::int AS count FROM information_schema.columns WHERE table_name = 'selection_draws' AND column_name = 'entries'",
    );
    expect(column.count).toBe(0);

    for (let undone = 0; undone < migrations.length - before.length; undone += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const restored = await dataSource.query<Array<{ programme_id: string; entries: DrawEntry[] }>>('SELECT programme_id, entries FROM selection_draws');
    expect(Object.fromEntries(restored.map((row) => [row.programme_id, row.entries]))).toEqual({
      [lottery.programmeId]: lottery.entries,
      [ranked.programmeId]: ranked.entries,
      [empty.programmeId]: [],
    });
  });
});
