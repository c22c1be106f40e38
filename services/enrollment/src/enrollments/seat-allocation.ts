import { EntityManager } from 'typeorm';
import { withSavepoint } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { entityColumns } from '../sql-columns';
import { lockClasses } from './class-locks';
import { PLACE_KINDS, PlaceKind, Placement, placeIn, TIE_BREAKS } from './seating.rules';

/** Where a place may be taken: the named class, or the classes of the programme in the participant's province. */
export type Candidates = { id: string } | { programmeId: string; provinceCode: string };

interface Attempt {
  /** The class the place was taken in, its counter already counting it. */
  taken?: Batch;
  /** Some candidate had a free place of the kind in the statement's snapshot. */
  free: boolean;
}

/**
 * Takes a seat, else a reserve place, in the candidate confirmed classes, as seating.rules orders them, and returns
 * the class as it is afterwards. Each kind is one statement that locks only the class it takes the place in,
 * skipping classes other requests hold, so enrollments in one province do not queue behind each other. When it
 * skipped every class with a free place, the choice is made again waiting for their locks: a place that exists
 * is never missed, and a seat always goes before a reserve place. The counters' CHECK constraints stay the last word.
 */
export async function takePlace(manager: EntityManager, candidates: Candidates): Promise<Placement<Batch>> {
  const where = { ...candidates, status: 'confirmed' as const };
  // A skipping statement can keep the lock of a class it found full on PostgreSQL's second look at a row another
  // request had just changed. Waiting for every class in id order while holding it could deadlock with a request
  // doing the same, so the first try runs in a savepoint, rolled back (its locks with it) before the wait.
  const first = await withSavepoint(manager, 'place_skipping_locked', () => takeSkippingLocked(manager, where), (result) => result !== 'wait');
  return first === 'wait' ? takeWaiting(manager, where) : first;
}

/** A place (or none, every candidate being full) without waiting for a lock, or 'wait' when locked classes had one. */
async function takeSkippingLocked(manager: EntityManager, where: Record<string, string>): Promise<Placement<Batch> | 'wait'> {
  for (const kind of PLACE_KINDS) {
    const attempt = await takeKindSkippingLocked(manager, where, kind);
    if (attempt.taken) return placementIn(kind, attempt.taken);
    if (attempt.free) return 'wait';
  }
  const full = placeIn(await manager.findBy(Batch, where));
  return full.kind === 'none' ? full : 'wait';
}

async function takeKindSkippingLocked(manager: EntityManager, where: Record<string, string>, { capacity, taken }: PlaceKind): Promise<Attempt> {
  const metadata = manager.connection.getMetadata(Batch);
  const column = (property: string): string => metadata.findColumnWithPropertyName(property)?.databaseName ?? property;
  const properties = Object.keys(where);
  const hasFree = `${properties.map((property, index) => `${column(property)} = $${index + 1}`).join(' AND ')} AND ${taken} < ${capacity}`;
  const order = [`${capacity} - ${taken} DESC`, ...TIE_BREAKS.map(column)].join(', ');
  const [row] = await manager.query<Array<Batch & { free: boolean }>>(
    `WITH chosen AS (SELECT id FROM batches WHERE ${hasFree} ORDER BY ${order} LIMIT 1 FOR UPDATE SKIP LOCKED),
          took AS (UPDATE batches SET ${taken} = batches.${taken} + 1 FROM chosen
                    WHERE batches.id = chosen.id AND batches.${taken} < batches.${capacity} RETURNING ${entityColumns(manager, Batch)})
     SELECT took.*, EXISTS (SELECT 1 FROM batches WHERE ${hasFree}) AS free FROM (VALUES (1)) AS one LEFT JOIN took ON true`,
    properties.map((property) => where[property]),
  );
  const { free, ...batch } = row;
  return { free, taken: batch.id ? batch : undefined };
}

/** The exact choice: every candidate locked in id order (as lockClasses always locks), then the seating rules. */
async function takeWaiting(manager: EntityManager, where: Record<string, string>): Promise<Placement<Batch>> {
  const placement = placeIn(await lockClasses(manager, where));
  if (placement.kind === 'none') return placement;
  const { taken } = PLACE_KINDS.find((kind) => kind.kind === placement.kind) as PlaceKind;
  await manager.increment(Batch, { id: placement.klass.id }, taken, 1);
  return { ...placement, klass: { ...placement.klass, [taken]: placement.klass[taken] + 1 } };
}

function placementIn(kind: PlaceKind, klass: Batch): Placement<Batch> {
  return kind.kind === 'seat' ? { kind: 'seat', klass } : { kind: 'reserve', klass, rank: klass.reserved };
}
