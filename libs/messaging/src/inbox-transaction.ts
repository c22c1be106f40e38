import { DataSource, EntityManager } from 'typeorm';
import { claimInInbox, firstOfEachEvent, InboxClaim } from './inbox-claim';

/** A consumed event to handle: its inbox claim and its handler, which writes through the manager it is given. */
export interface InboxWork {
  claim: InboxClaim;
  handle: (manager: EntityManager) => Promise<void>;
}

/**
 * Handles consecutive events of one partition in one database transaction: claims them all in one statement,
 * runs the handler of each claimed event in order (a later copy of an event, or one handled before, is skipped)
 * and commits once. Any handler failing rolls back all of them. Returns how many were duplicates.
 */
export function handleInOneTransaction(dataSource: DataSource, consumerGroup: string, works: ReadonlyArray<InboxWork>): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const distinct = firstOfEachEvent(works, (work) => work.claim.eventId);
    const claimed = await claimInInbox(
      manager,
      consumerGroup,
      distinct.map((work) => work.claim),
    );
    for (const work of distinct) {
      if (claimed.has(work.claim.eventId)) await work.handle(manager);
    }
    return works.length - claimed.size;
  });
}
