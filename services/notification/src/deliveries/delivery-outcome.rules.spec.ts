import { afterFailedChannels, attemptsAfter, CARDS_COME_AS_EVENTS, optOutOutcome, RetryPolicy, withoutContact } from './delivery-outcome.rules';

const policy: RetryPolicy = { NOTIFICATION_MAX_ATTEMPTS: 3, NOTIFICATION_RETRY_BASE_MS: 1_000, NOTIFICATION_RETRY_MAX_MS: 3_000, NOTIFICATION_CONTACT_WAIT_MS: 10_000 };
const now = new Date('2025-05-01T03:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('opt-out', () => {
  it('cancels a non-critical message to a recipient who opted out, and nothing else', () => {
    expect(optOutOutcome(false, true)).toEqual({ status: 'cancelled', reason: 'recipient opted out of non-critical messages' });
    expect(optOutOutcome(true, true)).toBeNull();
    expect(optOutOutcome(false, false)).toBeNull();
  });
});

describe('after every channel failed', () => {
  const transient = { channel: 'whatsapp' as const, message: 'the messaging provider answered 503', permanent: false };
  const permanent = { channel: 'email' as const, message: 'SMTP server refused the message (550): <address>', permanent: true };

  it('retries after the backoff while one channel may pass and attempts are left, with every reason', () => {
    expect(afterFailedChannels([transient, permanent], 0, policy, now)).toEqual({
      status: 'retry',
      reason: 'whatsapp: the messaging provider answered 503; email: SMTP server refused the message (550): <address>',
      at: later(1_000),
      attempted: true,
    });
    expect(afterFailedChannels([transient], 1, policy, now)).toMatchObject({ status: 'retry', at: later(2_000) });
  });

  it('gives up on the last attempt, saying so, on the last channel tried', () => {
    expect(afterFailedChannels([permanent, transient], 2, policy, now)).toEqual({
      status: 'failed',
      reason: 'gave up after 3 attempts: email: SMTP server refused the message (550): <address>; whatsapp: the messaging provider answered 503',
      channel: 'whatsapp',
      attempted: true,
    });
  });

  it('fails at once when every channel refused permanently', () => {
    expect(afterFailedChannels([permanent], 0, policy, now)).toEqual({ status: 'failed', reason: `email: ${permanent.message}`, channel: 'email', attempted: true });
  });
});

describe('without a contact', () => {
  const delivery = { recipientKind: 'instructor' as const, recipientId: 'i-1', createdAt: later(-4_000) };

  it('waits for the card, marked as waiting for it, looking again every retry base, until the wait is over', () => {
    expect(withoutContact(delivery, false, ['email'], policy, now)).toEqual({
      status: 'retry',
      reason: 'waiting for the recipient contact card',
      at: later(1_000),
      attempted: false,
      awaitingContact: true,
    });
    expect(withoutContact(delivery, false, ['email'], policy, later(5_500))).toMatchObject({ status: 'retry', at: later(6_000) });
  });

  it('fails once the wait is over, or at once when the card has no address or number for a channel offered', () => {
    const reason = 'no contact: instructor i-1 has no address or number for any channel offered (email, sms)';
    expect(withoutContact(delivery, false, ['email', 'sms'], policy, later(6_000))).toEqual({ status: 'failed', reason, attempted: false });
    expect(withoutContact(delivery, true, ['email', 'sms'], policy, now)).toEqual({ status: 'failed', reason, attempted: false });
    expect(withoutContact(delivery, true, [], policy, now)).toMatchObject({ reason: expect.stringContaining('(none)') });
  });
});

describe('a registered role without a contact', () => {
  it.each(['admin', 'venue-operator'] as const)('fails at once for a %s nobody registered: no card is on its way', (recipientKind) => {
    const delivery = { recipientKind, recipientId: 'KEMNAKER', createdAt: now };
    expect(withoutContact(delivery, false, ['email'], policy, now)).toEqual({
      status: 'failed',
      reason: `no contact: ${recipientKind} KEMNAKER is not registered as a recipient`,
      attempted: false,
    });
  });

  it('waits only for the roles whose card comes as an event', () => {
    expect(CARDS_COME_AS_EVENTS).toEqual(['participant', 'instructor']);
    expect(withoutContact({ recipientKind: 'participant', recipientId: 'p-1', createdAt: now }, false, ['email'], policy, now)).toMatchObject({ status: 'retry' });
  });
});

describe('attempts', () => {
  it('counts a pass that sent or tried a channel, not one that waited, cancelled or failed before any channel', () => {
    expect(attemptsAfter(1, { status: 'sent', channel: 'sms', providerMessageId: 'p', language: 'id' })).toBe(2);
    expect(attemptsAfter(1, { status: 'retry', reason: 'r', at: now, attempted: true })).toBe(2);
    expect(attemptsAfter(1, { status: 'retry', reason: 'waiting', at: now, attempted: false })).toBe(1);
    expect(attemptsAfter(1, { status: 'failed', reason: 'no contact', attempted: false })).toBe(1);
    expect(attemptsAfter(1, { status: 'cancelled', reason: 'opted out' })).toBe(1);
  });
});
