import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  batchFillChangedEvent,
  DrawEntry,
  DRAW_OUTCOMES,
  DrawOutcome,
  BusinessScale,
  NewEvent,
  participantNotSelectedEvent,
  participantReservedEvent,
  participantSelectedEvent,
  SelectionDrawn,
  selectionDrawnEvent,
  Page,
  SelectionEntriesParams,
  SelectionView,
} from '@sinergi/contracts';
import { insertRows, Outbox, RowOf, updateRows } from '@sinergi/messaging';
import { Conflict, keysetPage, NotFound } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { Programme } from '../classes/programme.entity';
import { lockClasses } from '../enrollments/class-locks';
import { fillOf } from '../enrollments/enrollment.views';
import { seatDecision } from '../enrollments/seat-events';
import { placeIn } from '../enrollments/seating.rules';
import { DrawPolicy, drawOrder, lotteryKey, PoolEntry, poolDigest } from './draw.rules';
import { SelectionEntry } from './selection-entry.entity';

interface PoolRow {
  enrollmentId: string;
  participantId: string;
  requestedBatchId: string | null;
  provinceCode: string;
  score: number | null;
  businessScale: BusinessScale;
  submittedAt: Date;
}

/**
 * Closes a lottery or ranked programme's registration and draws its pool, once: the programme row is locked, then its
 * classes, then the pool; each enrollment in draw order gets a seat, a reserve place or none exactly as first come,
 * first served would give them in that order. A repeat answers the first draw.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  draw(programmeId: string, seed: string = randomBytes(16).toString('hex')): Promise<SelectionView> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await manager.findOne(Programme, { where: { id: programmeId }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw new NotFound({ field: 'programmeId', rule: 'exists', message: `no launched programme with id ${programmeId}` });
      if (programme.selectionPolicy === 'first-come-first-served') {
        throw new Conflict({ field: 'programmeId', rule: 'drawn-policy', message: 'the programme gives seats first come, first served; there is nothing to draw' });
      }
      const earlier = await this.find(manager, programmeId);
      if (earlier) return earlier;
      return this.drawPool(manager, programme, programme.selectionPolicy, seed);
    });
  }

  async get(programmeId: string): Promise<SelectionView> {
    const found = await this.find(this.dataSource.manager, programmeId);
    if (!found) throw new NotFound({ field: 'programmeId', rule: 'drawn', message: `no selection has been drawn for programme ${programmeId}` });
    return found;
  }

  private async drawPool(manager: EntityManager, programme: Programme, policy: DrawPolicy, seed: string): Promise<SelectionView> {
    const classes = await lockClasses(manager, { programmeId: programme.id, status: 'confirmed' });
    const pool: PoolRow[] = await manager.query(
      `SELECT e.id AS "enrollmentId", e.participant_id AS "participantId", e.requested_batch_id AS "requestedBatchId",
              p.province_code AS "provinceCode", e.selection_score AS "score", p.business_scale AS "businessScale", e.submitted_at AS "submittedAt"
         FROM enrollments e JOIN participants p ON p.id = e.participant_id
        WHERE e.programme_id = $1 AND e.status = 'registered' FOR UPDATE OF e`,
      [programme.id],
    );
    const byId = new Map(pool.map((row) => [row.enrollmentId, row]));
    const poolEntries: PoolEntry[] = pool.map((row) => ({
      enrollmentId: row.enrollmentId,
      score: row.score,
      businessScale: row.businessScale,
      submittedAt: row.submittedAt.toISOString(),
    }));
    const ordered = drawOrder(policy, seed, poolEntries);
    const fills = new Map(classes.map((klass) => [klass.id, { ...klass }]));
    const drawn: DrawEntry[] = ordered.map((entry, index) => {
      const row = byId.get(entry.enrollmentId) as PoolRow;
      const candidates = [...fills.values()].filter((klass) =>
        row.requestedBatchId ? klass.id === row.requestedBatchId : klass.provinceCode === row.provinceCode,
      );
      const placement = placeIn(candidates);
      const drawnEntry = { position: index + 1, ...entry, participantId: row.participantId, lotteryKey: policy === 'lottery' ? lotteryKey(seed, entry.enrollmentId) : null };
      if (placement.kind === 'none') return { ...drawnEntry, outcome: 'not-selected', batchId: null, reserveRank: null };
      const klass = placement.klass;
      if (placement.kind === 'seat') {
        klass.selected += 1;
        return { ...drawnEntry, outcome: 'selected', batchId: klass.id, reserveRank: null };
      }
      klass.reserved += 1;
      return { ...drawnEntry, outcome: 'reserved', batchId: klass.id, reserveRank: placement.rank };
    });
    const drawnAt = new Date();
    const digest = poolDigest(drawn.map((entry) => entry.enrollmentId));
    const decisions = drawn.map((entry) => decisionOf(programme.id, entry, fills, drawn.length, policy));
    await updateRows(manager, 'enrollments', 'id', DECISION_COLUMNS, decisions.map((decision) => decision.row));
    const events: NewEvent[] = decisions.map((decision) => decision.event);
    for (const klass of classes) {
      const fill = fills.get(klass.id) as Batch;
      if (fill.selected === klass.selected && fill.reserved === klass.reserved) continue;
      await manager.update(Batch, { id: klass.id }, { selected: fill.selected, reserved: fill.reserved });
      events.push(batchFillChangedEvent.with(klass.id, fillOf(fill)));
    }
    const drawnData: SelectionDrawn = { programmeId: programme.id, policy, seed, poolSize: drawn.length, poolDigest: digest, drawnAt: drawnAt.toISOString() };
    events.push(selectionDrawnEvent.with(programme.id, drawnData));
    await manager.query(
      `INSERT INTO selection_draws (programme_id, policy, seed, pool_size, pool_digest, drawn_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [programme.id, policy, seed, drawn.length, digest, drawnAt],
    );
    await insertRows(manager, 'selection_entries', ENTRY_COLUMNS, drawn.map((entry) => entryRow(programme.id, entry)));
    await this.outbox.append(manager, ...events);
    return (await this.find(manager, programme.id)) as SelectionView;
  }

  /** The pool in draw order, one page at a time, optionally only one outcome; 404 before the draw. */
  async entries(programmeId: string, query: SelectionEntriesParams): Promise<Page<DrawEntry>> {
    await this.get(programmeId);
    const entries = this.dataSource.getRepository(SelectionEntry).createQueryBuilder('entry').where('entry.programmeId = :programmeId', { programmeId });
    if (query.outcome) entries.andWhere('entry.outcome = :outcome', { outcome: query.outcome });
    return keysetPage(entries, query, { columns: ['entry.position'], keyOf: (entry) => [entry.position] }, drawEntryView);
  }

  private async find(manager: EntityManager, programmeId: string): Promise<SelectionView | undefined> {
    const [row] = await manager.query<Array<{ policy: DrawPolicy; seed: string; pool_size: number; pool_digest: string; drawn_at: Date }>>(
      'SELECT policy, seed, pool_size, pool_digest, drawn_at FROM selection_draws WHERE programme_id = $1',
      [programmeId],
    );
    if (!row) return undefined;
    const counted = await manager.query<Array<{ outcome: DrawOutcome; entries: number }>>(
      'SELECT outcome, count(*)::int AS entries FROM selection_entries WHERE programme_id = $1 GROUP BY outcome',
      [programmeId],
    );
    const outcomes = Object.fromEntries(DRAW_OUTCOMES.map((outcome) => [outcome, counted.find((count) => count.outcome === outcome)?.entries ?? 0]));
    return {
      programmeId,
      policy: row.policy,
      seed: row.seed,
      poolSize: row.pool_size,
      poolDigest: row.pool_digest,
      drawnAt: row.drawn_at.toISOString(),
      outcomes: outcomes as Record<DrawOutcome, number>,
    };
  }
}

const ENTRY_COLUMNS = {
  programme_id: 'uuid',
  position: 'int',
  enrollment_id: 'uuid',
  participant_id: 'uuid',
  lottery_key: 'text',
  score: 'double precision',
  business_scale: 'text',
  submitted_at: 'timestamptz',
  outcome: 'text',
  batch_id: 'uuid',
  reserve_rank: 'int',
} as const;

function entryRow(programmeId: string, entry: DrawEntry): RowOf<typeof ENTRY_COLUMNS> {
  return {
    programme_id: programmeId,
    position: entry.position,
    enrollment_id: entry.enrollmentId,
    participant_id: entry.participantId,
    lottery_key: entry.lotteryKey,
    score: entry.score,
    business_scale: entry.businessScale,
    submitted_at: entry.submittedAt,
    outcome: entry.outcome,
    batch_id: entry.batchId,
    reserve_rank: entry.reserveRank,
  };
}

/** What a draw writes on each pooled enrollment (a registered one has no class, rank, confirm-by or reason yet). */
const DECISION_COLUMNS = {
  id: 'uuid',
  status: 'text',
  batch_id: 'uuid',
  confirm_by: 'date',
  reserve_rank: 'int',
  not_selected_reason: 'text',
} as const;

/** One entry's outcome as its enrollment's new columns and its event. The class counters are written once per class. */
function decisionOf(
  programmeId: string,
  entry: DrawEntry,
  fills: Map<string, Batch>,
  poolSize: number,
  policy: DrawPolicy,
): { row: RowOf<typeof DECISION_COLUMNS>; event: NewEvent } {
  const decided = { id: entry.enrollmentId, participantId: entry.participantId, programmeId };
  const unplaced = { id: entry.enrollmentId, batch_id: null, confirm_by: null, reserve_rank: null, not_selected_reason: null };
  if (entry.outcome === 'not-selected') {
    const reason = `every seat and reserve place went to earlier places in the ${policy === 'lottery' ? 'lottery' : 'ranking'} (this enrollment drew place ${entry.position} of ${poolSize})`;
    return {
      row: { ...unplaced, status: 'not-selected', not_selected_reason: reason },
      event: participantNotSelectedEvent.with(entry.enrollmentId, { enrollmentId: entry.enrollmentId, participantId: entry.participantId, programmeId, reason }),
    };
  }
  const klass = fills.get(entry.batchId as string) as Batch;
  if (entry.outcome === 'selected') {
    return {
      row: { ...unplaced, status: 'selected', batch_id: klass.id, confirm_by: klass.confirmBy },
      event: participantSelectedEvent.with(entry.enrollmentId, { ...seatDecision(decided, klass.id), confirmBy: klass.confirmBy }),
    };
  }
  return {
    row: { ...unplaced, status: 'reserved', batch_id: klass.id, reserve_rank: entry.reserveRank },
    event: participantReservedEvent.with(entry.enrollmentId, { ...seatDecision(decided, klass.id), rank: entry.reserveRank as number }),
  };
}

function drawEntryView(entry: SelectionEntry): DrawEntry {
  return {
    position: entry.position,
    enrollmentId: entry.enrollmentId,
    participantId: entry.participantId,
    lotteryKey: entry.lotteryKey,
    score: entry.score,
    businessScale: entry.businessScale,
    submittedAt: entry.submittedAt.toISOString(),
    outcome: entry.outcome,
    batchId: entry.batchId,
    reserveRank: entry.reserveRank,
  };
}
