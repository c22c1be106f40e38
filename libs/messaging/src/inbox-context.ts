import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@sinergi/contracts';

/**
 * What an @EventPattern handler receives with @Ctx(): the transaction its writes must use
 * (the inbox record commits in it too) and where the event came from.
 */
export class InboxContext {
  constructor(
    readonly manager: EntityManager,
    readonly envelope: EventEnvelope,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly attempt: number,
  ) {}
}
