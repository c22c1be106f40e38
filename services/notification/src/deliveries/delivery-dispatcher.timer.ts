import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  NewEvent,
  NotificationDelivered,
  notificationDeliveredEvent,
  NotificationFailed,
  notificationFailedEvent,
  RecipientKind,
} from '@sinergi/contracts';
import { Outbox, PgListener } from '@sinergi/messaging';
import { ADVISORY_LOCKS, lockUntilTransactionEnds, PollingTimer } from '@sinergi/platform';
import { CHANNEL_ADAPTERS, ChannelAdapter, DeliveryError } from '../channels/channel.port';
import { ClassDetails, portalPageOf, renderMessage } from '../templates/templates.rules';
import { NotificationConfig } from '../notification.config';
import { RecipientDirectory, SealedRecipient } from '../recipients/recipient-directory.service';
import { recipientKey } from '../recipients/recipient.rules';
import { SignInCodeOpener } from '../sign-in-codes/sign-in-code-opener.service';
import { SEALED_CODE_PARAM, signInCodeChannels, signInCodeExpired, signInCodeParamsOf } from '../sign-in-codes/sign-in-code.rules';
import { chooseChannels } from './channel-choice.rules';
import { afterFailedChannels, attemptsAfter, ChannelFailure, optOutOutcome, Outcome, withoutContact } from './delivery-outcome.rules';
import { OUT_OF_ORDER } from './supersede.rules';

const CLAIM_LIMIT = 50;
/** A claimed delivery is not claimed again for this long: longer than any send can take, short enough to recover from a crash. */
const CLAIM_LEASE = '5 minutes';
const MAX_REASON_LENGTH = 1000;
/** However often deliveries are inserted, a pass at most this often on their account. */
const WAKE_GAP_MS = 200;

interface ClaimedDelivery {
  id: string;
  eventId: string;
  recipientKind: RecipientKind;
  recipientId: string;
  template: string;
  params: Record<string, unknown>;
  critical: boolean;
  batchId: string | null;
  enrollmentId: string | null;
  attempts: number;
  createdAt: Date;
}

/** What a pass reads once for all the deliveries it claimed. */
interface PassContext {
  now: Date;
  recipients: Map<string, SealedRecipient>;
  classes: Map<string, ClassDetails>;
}

/**
 * Sends what is due. A pass claims due deliveries (FOR UPDATE SKIP LOCKED, then a lease on next_attempt_at) and
 * commits, sends with no transaction open, then records the outcome and its NotificationDelivered/Failed event in one
 * statement. A crash mid-send leaves the lease to expire and the delivery is sent again; the providers take the
 * delivery id as the idempotency key (Message-ID for email), so a repeat is recognisable. A pass reads the recipients
 * and classes of everything it claimed in one query each; each outcome is recorded right after its send, as a
 * cancellation may come in between. A delivery inserted due at once wakes the dispatcher (NOTIFY deliveries, at
 * commit); the poll every NOTIFICATION_POLL_MS finds reminders, retries and held notices as they fall due.
 */
@Injectable()
export class DeliveryDispatcher extends PollingTimer {
  private readonly listener: PgListener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly directory: RecipientDirectory,
    private readonly config: NotificationConfig,
    private readonly signInCodes: SignInCodeOpener,
    @Inject(CHANNEL_ADAPTERS) private readonly adapters: ChannelAdapter[],
  ) {
    super(config.NOTIFICATION_POLL_MS, WAKE_GAP_MS);
    this.listener = new PgListener({ databaseUrl: config.DATABASE_URL, channel: 'deliveries', onNotify: () => this.wake() });
  }

  override async onApplicationBootstrap(): Promise<void> {
    super.onApplicationBootstrap();
    await this.listener.start();
  }

  override async beforeApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await super.beforeApplicationShutdown();
  }

  async runOnce(now: Date = new Date()): Promise<void> {
    let claimed: ClaimedDelivery[];
    do {
      claimed = await this.claimDue(now);
      const context = await this.contextOf(claimed, now);
      await Promise.all(claimed.map((delivery) => this.deliver(delivery, context)));
    } while (claimed.length === CLAIM_LIMIT);
  }

  private async contextOf(claimed: ClaimedDelivery[], now: Date): Promise<PassContext> {
    const batchIds = [...new Set(claimed.flatMap((delivery) => (delivery.batchId ? [delivery.batchId] : [])))];
    const [recipients, classes] = await Promise.all([
      this.directory.findSealed(this.dataSource.manager, claimed.map((delivery) => ({ kind: delivery.recipientKind, id: delivery.recipientId }))),
      this.classDetails(batchIds),
    ]);
    return { now, recipients, classes };
  }

  /**
   * A held notice whose window passed becomes pending as it is claimed, so a superseding event handled meanwhile finds
   * it no longer held. A recipient's delivery waits while an earlier one (by event time) is still held or pending: only
   * the earliest is claimed, and the next once it is final, so messages reach the person in the order things happened.
   */
  private async claimDue(now: Date): Promise<ClaimedDelivery[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE deliveries SET next_attempt_at = now() + interval '${CLAIM_LEASE}', awaiting_contact = false, status = CASE WHEN status = 'held' THEN 'pending' ELSE status END
        WHERE id IN (SELECT id FROM deliveries due WHERE status IN ('held', 'pending', 'scheduled') AND next_attempt_at <= $1
                        AND (template = ANY($2) OR NOT EXISTS (
                          SELECT 1 FROM deliveries earlier
                           WHERE earlier.recipient = due.recipient AND earlier.status IN ('held', 'pending') AND NOT earlier.template = ANY($2)
                             AND (earlier.event_time, earlier.created_at, earlier.id) < (due.event_time, due.created_at, due.id)))
                      ORDER BY next_attempt_at LIMIT ${CLAIM_LIMIT} FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id AS "eventId", recipient_kind AS "recipientKind", recipient_id AS "recipientId", template, params, critical,
                  batch_id AS "batchId", enrollment_id AS "enrollmentId", attempts, created_at AS "createdAt"`,
      [now, OUT_OF_ORDER],
    )) as [ClaimedDelivery[], number];
    return rows;
  }

  private async deliver(delivery: ClaimedDelivery, context: PassContext): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.attempt(delivery, context);
    } catch (error) {
      outcome = { status: 'failed', reason: (error as Error).message, attempted: false };
    }
    await this.record(delivery, outcome, context.now);
  }

  private async attempt(delivery: ClaimedDelivery, { now, recipients, classes }: PassContext): Promise<Outcome> {
    const sealed = recipients.get(recipientKey(delivery.recipientKind, delivery.recipientId));
    const recipient = sealed ? this.directory.opened(sealed) : null;
    const optedOut = optOutOutcome(delivery.critical, recipient?.preferences.optOut ?? false);
    if (optedOut) return optedOut;
    const offered = this.adapters.map((adapter) => adapter.name);
    const signInCode = signInCodeParamsOf(delivery.params);
    if (signInCode && signInCodeExpired(signInCode, now)) return { status: 'failed', reason: 'the sign-in code expired before it could be sent', attempted: false };
    const chosen = chooseChannels(recipient, this.config.NOTIFICATION_CHANNEL_ORDER, offered);
    const channels = signInCode ? signInCodeChannels(chosen, signInCode.channel) : chosen;
    if (channels.length === 0) return withoutContact(delivery, Boolean(recipient?.contact), offered, this.config, now);

    const message = renderMessage(delivery.template, {
      language: recipient!.language,
      officialDomain: this.config.OFFICIAL_DOMAIN,
      portalPage: portalPageOf(this.config.PORTAL_PUBLIC_URL, delivery),
      recipientName: recipient!.contact?.fullName,
      params: signInCode ? { ...delivery.params, code: this.signInCodes.open(signInCode, delivery.recipientId) } : delivery.params,
      class: delivery.batchId ? classes.get(delivery.batchId) : undefined,
    });
    const failures: ChannelFailure[] = [];
    for (const { channel, to } of channels) {
      const adapter = this.adapters.find((candidate) => candidate.name === channel)!;
      try {
        const { providerMessageId } = await adapter.send({ deliveryId: delivery.id, channel, to, ...message, language: recipient!.language });
        return { status: 'sent', channel, providerMessageId, language: recipient!.language };
      } catch (error) {
        failures.push({ channel, message: (error as Error).message, permanent: error instanceof DeliveryError && error.permanent });
      }
    }
    return afterFailedChannels(failures, delivery.attempts, this.config, now);
  }

  private async classDetails(batchIds: string[]): Promise<Map<string, ClassDetails>> {
    if (batchIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT c.batch_id AS "batchId", c.module_code AS "moduleCode", c.start_date::text AS "startDate", c.end_date::text AS "endDate",
              v.name AS "venueName", v.city AS "venueCity"
         FROM classes c LEFT JOIN venues v ON v.venue_code = c.venue_code WHERE c.batch_id = ANY($1::uuid[])`,
      [batchIds],
    )) as Array<ClassDetails & { batchId: string }>;
    return new Map(rows.map(({ batchId, ...details }) => [batchId, details]));
  }

  /**
   * The outcome and its NotificationDelivered/Failed event in one statement (`Outbox.appendIfChanged`): neither is
   * written when the delivery was cancelled meanwhile (its class was cancelled), and the cancellation stands. A retry
   * waiting for a contact card takes the recipient's contact lock first, in a transaction, so that a card stored since
   * this pass read the recipients is seen (the lock waits for one being stored) and the delivery is due at once.
   */
  private async record(delivery: ClaimedDelivery, outcome: Outcome, now: Date): Promise<void> {
    const attempts = attemptsAfter(delivery.attempts, outcome);
    const awaitingContact = outcome.status === 'retry' && outcome.awaitingContact === true;
    const update = outcomeUpdate(delivery, outcome, attempts, now, awaitingContact);
    const event = this.statusEvent(delivery, outcome, attempts, now);
    if (event) await this.outbox.appendIfChanged(this.dataSource.manager, update, event);
    else if (!awaitingContact) await this.dataSource.query(update.sql, update.parameters);
    else {
      await this.dataSource.transaction(async (manager) => {
        await lockUntilTransactionEnds(manager, ADVISORY_LOCKS.recipientContact, recipientKey(delivery.recipientKind, delivery.recipientId));
        await manager.query(update.sql, update.parameters);
      });
    }
    if (outcome.status === 'failed') this.logger.warn(`delivery ${delivery.id} (${delivery.template}) failed: ${outcome.reason}`);
  }

  private statusEvent(delivery: ClaimedDelivery, outcome: Outcome, attempts: number, now: Date): NewEvent | null {
    const about = { deliveryId: delivery.id, eventId: delivery.eventId, recipientKind: delivery.recipientKind, recipientId: delivery.recipientId, template: delivery.template, attempts };
    if (outcome.status === 'sent') {
      const data: NotificationDelivered = { ...about, channel: outcome.channel, deliveredAt: now.toISOString() };
      return notificationDeliveredEvent.with(delivery.id, data);
    }
    if (outcome.status === 'failed') {
      const data: NotificationFailed = {
        ...about,
        ...(outcome.channel ? { channel: outcome.channel } : {}),
        reason: outcome.reason.slice(0, MAX_REASON_LENGTH),
      };
      return notificationFailedEvent.with(delivery.id, data);
    }
    return null;
  }
}

/** The UPDATE that records an attempt's outcome on a delivery still pending or scheduled; it returns the row it changed. */
function outcomeUpdate(delivery: ClaimedDelivery, outcome: Outcome, attempts: number, now: Date, awaitingContact: boolean): { sql: string; parameters: unknown[] } {
  return {
    sql: `UPDATE deliveries SET status = $2, attempts = $3, channel = COALESCE($5, channel), language = COALESCE($6, language),
            provider_message_id = $7, last_error = $8, awaiting_contact = $9, updated_at = now(),
            next_attempt_at = CASE WHEN $9 AND EXISTS (SELECT 1 FROM recipients r WHERE r.kind = deliveries.recipient_kind AND r.id = deliveries.recipient_id AND r.contact IS NOT NULL)
                                   THEN now() ELSE $4 END,
            params = CASE WHEN $2 IN ('sent', 'failed') THEN params - '${SEALED_CODE_PARAM}' ELSE params END
          WHERE id = $1 AND status IN ('pending', 'scheduled') RETURNING id`,
    parameters: [
      delivery.id,
      outcome.status === 'retry' ? 'pending' : outcome.status,
      attempts,
      outcome.status === 'retry' ? outcome.at : now,
      outcome.status === 'sent' || outcome.status === 'failed' ? (outcome.channel ?? null) : null,
      outcome.status === 'sent' ? outcome.language : null,
      outcome.status === 'sent' ? outcome.providerMessageId : null,
      outcome.status === 'sent' ? null : outcome.reason.slice(0, MAX_REASON_LENGTH),
      awaitingContact,
    ],
  };
}
