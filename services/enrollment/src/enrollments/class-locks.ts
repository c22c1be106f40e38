import { EntityManager } from 'typeorm';
import { Batch } from '../classes/batch.entity';

/** Locks classes in id order, so that concurrent requests cannot deadlock, and reads their fill as committed. */
export function lockClasses(manager: EntityManager, where: Partial<Pick<Batch, 'id' | 'programmeId' | 'provinceCode' | 'status'>>): Promise<Batch[]> {
  return manager.find(Batch, { where, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
}
