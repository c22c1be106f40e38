import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@sinergi/contracts';

/**
 * What an @OnEvent handler receives after the payload: the transaction its writes must use
 * (the inbox record commits in it too), where the event came from, and a heartbeat that a
 * long handler (e.g. thousands of records in one message) calls now and then so the group
 * does not take its partition away mid-work.
 */
export class InboxContext<T = unknown> {
  constructor(
    readonly manager: EntityManager,
    readonly envelope: EventEnvelope<T>,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly attempt: number,
    readonly heartbeat: () => Promise<void> = async () => undefined,
  ) {}
}
