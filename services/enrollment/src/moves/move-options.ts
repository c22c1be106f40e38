import { EntityManager, MoreThan, Not } from 'typeorm';
import { ClassOption } from '@sinergi/contracts';
import { Batch } from '../classes/batch.entity';

/**
 * The classes a participant of a changed class may move to: confirmed classes of the same programme in their province,
 * not yet started (WIB), with a free seat or reserve place, earliest first. Read without locks: a move re-checks under them.
 */
export async function moveOptions(manager: EntityManager, from: Batch, provinceCode: string, today: string): Promise<ClassOption[]> {
  const classes = await manager.find(Batch, {
    where: { programmeId: from.programmeId, provinceCode, status: 'confirmed', startDate: MoreThan(today), id: Not(from.id) },
    order: { startDate: 'ASC', id: 'ASC' },
  });
  return classes
    .filter((klass) => klass.selected < klass.seats || klass.reserved < klass.reserves)
    .map((klass) => ({ batchId: klass.id, startDate: klass.startDate, endDate: klass.endDate, venueCode: klass.venueCode }));
}
