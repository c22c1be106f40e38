import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  certificateIssuedEvent,
  DeliveryView,
  enrollmentAcceptedEvent,
  enrollmentSubmittedEvent,
  EventEnvelope,
  NewEvent,
  participantNotSelectedEvent,
  participantSelectedEvent,
  seatExpiredEvent,
} from '@sinergi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { waitFor } from '@sinergi/testing';
import { DeliveryPlanner } from '../src/deliveries/delivery-planner.service';
import { TemplateName } from '../src/templates/templates.rules';
import { inDays, NotificationHarness, PORTAL, seatDecision } from './support';

/** Long enough that events published back to back fall well inside it, short enough for a test. */
const WINDOW_MS = 2000;
const FINAL = ['sent', 'failed', 'cancelled', 'superseded'];
const uniquePhone = () => `+62813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** Real broker, database and provider webhook: what a participant's phone receives, and in which order. */
describe('notification: superseded notices and messages in event order', () => {
  let harness: NotificationHarness;

  beforeAll(async () => {
    harness = await NotificationHarness.start({ NOTICE_SUPERSEDE_MS: String(WINDOW_MS), NOTIFICATION_CHANNEL_ORDER: 'whatsapp' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function person(): Promise<{ participantId: string; phone: string }> {
    const phone = uniquePhone();
    return { participantId: await harness.participant({ phone }), phone };
  }

  /** The participant's deliveries once each is final, oldest event first. */
  async function settledDeliveries(participantId: string, count: number): Promise<DeliveryView[]> {
    return waitFor(`${count} final deliveries`, async () => {
      const { items } = (await harness.request<{ items: DeliveryView[] }>('GET', `/deliveries?recipient=participant:${participantId}&limit=200`)).body;
      const mine = items.filter((row) => row.template !== 'confirm-by-reminder');
      return mine.length === count && mine.every((row) => FINAL.includes(row.status)) && mine.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
    });
  }

  /** The templates in the order the provider received them. */
  function arrivals(phone: string, deliveries: DeliveryView[]): string[] {
    return harness.sinks.providerMessagesTo(phone).map((message) => deliveries.find((row) => row.id === message.deliveryId)?.template ?? message.deliveryId);
  }

  const submitted = (participantId: string, enrollmentId: string, programmeId: string) =>
    enrollmentSubmittedEvent.with(enrollmentId, { enrollmentId, programmeId, participantId, maskedNik: '******123456**01', channel: 'self-service', provinceCode: '32' });
  const accepted = (participantId: string, enrollmentId: string, programmeId: string) =>
    enrollmentAcceptedEvent.with(enrollmentId, { enrollmentId, programmeId, participantId, selectionPolicy: 'first-come-first-served', awaitingSelection: false });

  async function publishOne(event: NewEvent): Promise<EventEnvelope> {
    const [envelope] = await harness.publish(event);
    return envelope;
  }

  it('sends only the decision when received, eligible and selected come within the window', async () => {
    const { participantId, phone } = await person();
    const decision = seatDecision(participantId);
    await harness.publish(
      submitted(participantId, decision.enrollmentId, decision.programmeId),
      accepted(participantId, decision.enrollmentId, decision.programmeId),
      participantSelectedEvent.with(decision.enrollmentId, { ...decision, confirmBy: inDays(10) }),
    );

    const deliveries = await settledDeliveries(participantId, 3);
    expect(deliveries.map((row) => [row.template, row.status])).toEqual([
      ['enrollment-received', 'superseded'],
      ['enrollment-accepted', 'superseded'],
      ['selected', 'sent'],
    ]);
    expect(deliveries[0].lastError).toMatch(/^superseded by (enrollment-accepted|selected) \(event /);
    // Past the window and a dispatcher pass: a superseded notice is never sent afterwards.
    await sleep(WINDOW_MS + 1500);
    expect(arrivals(phone, deliveries)).toEqual(['selected']);
    const selected = deliveries[2];
    expect(harness.eventsOfType('NotificationDelivered').filter((event) => (event.data as { deliveryId: string }).deliveryId === selected.id)).toHaveLength(1);
  });

  it('holds a notice for the whole window from when it is planned, however long its transaction has run', async () => {
    const cause = { id: randomUUID(), type: enrollmentSubmittedEvent.type, time: new Date().toISOString(), correlationid: randomUUID() };
    const [held] = await harness.service.app.get(DataSource).transaction(async (manager) => {
      await manager.query('SELECT pg_sleep(1)'); // as an event late in a long inbox run
      await harness.service.app.get(DeliveryPlanner).plan(manager, cause, [
        { recipientKind: 'participant', recipientId: randomUUID(), template: 'enrollment-received', enrollmentId: randomUUID() },
      ]);
      return manager.query<Array<{ status: string; heldMs: number }>>(
        `SELECT status, (extract(epoch FROM next_attempt_at - created_at) * 1000)::float8 AS "heldMs" FROM deliveries WHERE event_id = $1`,
        [cause.id],
      );
    });
    expect(held.status).toBe('held');
    expect(held.heldMs).toBeGreaterThan(WINDOW_MS - 50);
  });

  it('supersedes by when the events happened: a notice of an event before the decision and less than the window before', async () => {
    const planner = harness.service.app.get(DeliveryPlanner);
    const start = Date.now();
    const notice = (enrollmentId: string, template: TemplateName, atMs: number) =>
      planner.plan(manager, { id: randomUUID(), type: 'Test', time: new Date(start + atMs).toISOString(), correlationid: randomUUID() }, [
        { recipientKind: 'participant', recipientId: enrollmentId, template, enrollmentId },
      ]);
    let manager: EntityManager;
    const runner = harness.service.app.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    try {
      manager = runner.manager;
      const [lateOlder, afterWindow, sameMoment] = [randomUUID(), randomUUID(), randomUUID()];
      await notice(lateOlder, 'enrollment-received', 0);
      await notice(lateOlder, 'selected', -500); // an older event consumed late
      await notice(afterWindow, 'enrollment-received', 0);
      await notice(afterWindow, 'selected', WINDOW_MS);
      await notice(sameMoment, 'enrollment-received', 0);
      await notice(sameMoment, 'enrollment-accepted', 0);
      await notice(sameMoment, 'not-selected', WINDOW_MS - 1);
      const rows = await manager.query<Array<{ enrollmentId: string; template: string; status: string }>>(
        `SELECT enrollment_id AS "enrollmentId", template, status FROM deliveries WHERE enrollment_id = ANY($1) ORDER BY created_at`,
        [[lateOlder, afterWindow, sameMoment]],
      );
      const statusesOf = (enrollmentId: string) => rows.filter((row) => row.enrollmentId === enrollmentId).map((row) => `${row.template} ${row.status}`);
      expect(statusesOf(lateOlder)).toEqual(['enrollment-received held', 'selected pending']);
      expect(statusesOf(afterWindow)).toEqual(['enrollment-received held', 'selected pending']);
      expect(statusesOf(sameMoment)).toEqual(['enrollment-received superseded', 'enrollment-accepted superseded', 'not-selected pending']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('sends both, in order, when the decision comes after the window', async () => {
    const { participantId, phone } = await person();
    const decision = seatDecision(participantId);
    await publishOne(submitted(participantId, decision.enrollmentId, decision.programmeId));
    await sleep(WINDOW_MS + 200);
    await publishOne(participantSelectedEvent.with(decision.enrollmentId, { ...decision, confirmBy: inDays(10) }));

    const deliveries = await settledDeliveries(participantId, 2);
    expect(deliveries.map((row) => [row.template, row.status])).toEqual([
      ['enrollment-received', 'sent'],
      ['selected', 'sent'],
    ]);
    expect(arrivals(phone, deliveries)).toEqual(['enrollment-received', 'selected']);
  });

  it('sends a certificate issued right after a held notice only after that notice', async () => {
    const { participantId, phone } = await person();
    const finished = seatDecision(participantId);
    const next = { enrollmentId: randomUUID(), programmeId: randomUUID() };
    await harness.publish(submitted(participantId, next.enrollmentId, next.programmeId));
    await publishOne(
      certificateIssuedEvent.with(finished.enrollmentId, {
        ...finished,
        certificateNumber: `SNG/2025/${finished.batchId.slice(0, 8).toUpperCase()}/001`,
        verificationCode: 'ABCDE12345',
        verificationUrl: `${PORTAL}/verify/ABCDE12345`,
        issuedAt: new Date().toISOString(),
      }),
    );

    // While the notice is held, the certificate waits for it.
    const waiting = await waitFor('the certificate recorded', async () => {
      const { items } = (await harness.request<{ items: DeliveryView[] }>('GET', `/deliveries?recipient=participant:${participantId}&limit=200`)).body;
      return items.length === 2 && items;
    });
    expect(waiting.map((row) => [row.template, row.status]).sort()).toEqual([
      ['certificate-issued', 'pending'],
      ['enrollment-received', 'held'],
    ]);

    const deliveries = await settledDeliveries(participantId, 2);
    expect(deliveries.map((row) => [row.template, row.status])).toEqual([
      ['enrollment-received', 'sent'],
      ['certificate-issued', 'sent'],
    ]);
    expect(arrivals(phone, deliveries)).toEqual(['enrollment-received', 'certificate-issued']);
  });

  it('holds a person\'s later messages back while an earlier one waits for the contact card, then sends them in event order', async () => {
    const participantId = randomUUID();
    const phone = uniquePhone();
    const envelopes: EventEnvelope[] = [];
    for (let index = 0; index < 4; index += 1) {
      const decision = seatDecision(participantId);
      envelopes.push(
        await publishOne(
          index % 2 === 0
            ? participantNotSelectedEvent.with(decision.enrollmentId, { enrollmentId: decision.enrollmentId, participantId, programmeId: decision.programmeId, reason: 'every seat is taken' })
            : seatExpiredEvent.with(decision.enrollmentId, decision),
        ),
      );
      await sleep(5); // four distinct event times, each enrollment on its own key (so maybe its own partition)
    }
    await waitFor('four deliveries waiting for the card', async () => {
      const { items } = (await harness.request<{ items: DeliveryView[] }>('GET', `/deliveries?recipient=participant:${participantId}&limit=200`)).body;
      return items.length === 4 && items.every((row) => row.status === 'pending');
    });
    await harness.participant({ phone }, 'id', participantId);

    const deliveries = await settledDeliveries(participantId, 4);
    expect(deliveries.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const arrivedFor = harness.sinks.providerMessagesTo(phone).map((message) => deliveries.find((row) => row.id === message.deliveryId)?.eventId);
    expect(arrivedFor).toEqual(envelopes.map((envelope) => envelope.id));
  });
});
