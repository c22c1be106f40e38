import { CreateDeadLetters1764900000000 } from './dead-letter-record.migration';
import { EventIdsAsText1732700000001 } from './event-ids-as-text.migration';
import { CreateOutboxParked1764640000000 } from './outbox-parking.migration';
import { CreateOutboxAndInbox1732700000000 } from './outbox.migration';

/** The messaging tables every service runs on its own database, before its own migrations. */
export const MESSAGING_MIGRATIONS = [CreateOutboxAndInbox1732700000000, EventIdsAsText1732700000001, CreateOutboxParked1764640000000, CreateDeadLetters1764900000000];
