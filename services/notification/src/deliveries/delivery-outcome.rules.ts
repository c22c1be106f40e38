import type { RecipientKind } from '@sinergi/contracts';
import type { ChannelName } from '../channels/channel.port';
import type { NotificationConfig } from '../notification.config';
import { exponentialBackoffMs } from '@sinergi/messaging';

/** What one pass of the dispatcher made of a delivery. `attempted`: a channel was tried, so the pass counts as an attempt. */
export type Outcome =
  | { status: 'sent'; channel: ChannelName; providerMessageId: string; language: 'id' | 'en' }
  | { status: 'failed'; reason: string; channel?: ChannelName; attempted: boolean }
  | { status: 'retry'; reason: string; at: Date; attempted: boolean; awaitingContact?: true }
  | { status: 'cancelled'; reason: string };

export type RetryPolicy = Pick<NotificationConfig, 'NOTIFICATION_MAX_ATTEMPTS' | 'NOTIFICATION_RETRY_BASE_MS' | 'NOTIFICATION_RETRY_MAX_MS' | 'NOTIFICATION_CONTACT_WAIT_MS'>;

/** One channel's failed send; `permanent` when a retry cannot help. */
export interface ChannelFailure {
  channel: ChannelName;
  message: string;
  permanent: boolean;
}

/** A recipient who opted out still gets critical messages, and no other. */
export function optOutOutcome(critical: boolean, optedOut: boolean): Outcome | null {
  return !critical && optedOut ? { status: 'cancelled', reason: 'recipient opted out of non-critical messages' } : null;
}

/**
 * Every channel tried failed. While one of them may pass on a retry and attempts are left, the delivery waits the
 * backoff; otherwise it fails with each channel's reason.
 */
export function afterFailedChannels(failures: readonly ChannelFailure[], previousAttempts: number, policy: RetryPolicy, now: Date): Outcome {
  const reason = failures.map((failure) => `${failure.channel}: ${failure.message}`).join('; ');
  const retryable = failures.some((failure) => !failure.permanent);
  const attempts = previousAttempts + 1;
  if (retryable && attempts < policy.NOTIFICATION_MAX_ATTEMPTS) {
    const at = new Date(now.getTime() + exponentialBackoffMs(attempts, policy.NOTIFICATION_RETRY_BASE_MS, policy.NOTIFICATION_RETRY_MAX_MS));
    return { status: 'retry', reason, at, attempted: true };
  }
  const why = retryable ? `gave up after ${attempts} attempts: ${reason}` : reason;
  return { status: 'failed', reason: why, channel: failures[failures.length - 1].channel, attempted: true };
}

export interface UnreachableDelivery {
  recipientKind: RecipientKind;
  recipientId: string;
  createdAt: Date;
}

/**
 * The roles whose contact card arrives as an event (from enrollment, instructor-module), independently of the events
 * that message them, so it may still be on its way. Venue operators and admins are registered over HTTP instead.
 */
export const CARDS_COME_AS_EVENTS: readonly RecipientKind[] = ['participant', 'instructor'];

/**
 * No channel offered can reach the recipient. Without a card yet, a recipient whose card comes as an event waits
 * for it a bounded time, due again as soon as the card arrives and otherwise looking again every retry base; one nobody registered fails at once, as nothing is on its
 * way. A card that lacks the address or number fails too.
 */
export function withoutContact(delivery: UnreachableDelivery, hasCard: boolean, offered: readonly ChannelName[], policy: RetryPolicy, now: Date): Outcome {
  const { recipientKind, recipientId } = delivery;
  const waitUntil = new Date(delivery.createdAt).getTime() + policy.NOTIFICATION_CONTACT_WAIT_MS;
  if (!hasCard && !CARDS_COME_AS_EVENTS.includes(recipientKind)) {
    return { status: 'failed', reason: `no contact: ${recipientKind} ${recipientId} is not registered as a recipient`, attempted: false };
  }
  if (!hasCard && waitUntil > now.getTime()) {
    const at = new Date(Math.min(waitUntil, now.getTime() + policy.NOTIFICATION_RETRY_BASE_MS));
    return { status: 'retry', reason: 'waiting for the recipient contact card', at, attempted: false, awaitingContact: true };
  }
  const channels = offered.join(', ') || 'none';
  return { status: 'failed', reason: `no contact: ${recipientKind} ${recipientId} has no address or number for any channel offered (${channels})`, attempted: false };
}

/** The delivery's attempts after a pass: one more when the pass sent or tried a channel. */
export function attemptsAfter(previousAttempts: number, outcome: Outcome): number {
  return previousAttempts + (outcome.status === 'sent' || ('attempted' in outcome && outcome.attempted) ? 1 : 0);
}
