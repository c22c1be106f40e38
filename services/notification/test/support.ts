import { randomUUID } from 'node:crypto';
import {
  ContactCard,
  DeliveryView,
  EventEnvelope,
  Language,
  Page,
  NotificationDelivered,
  NotificationFailed,
  participantContactChangedEvent,
  seal,
  sealKeyFrom,
  SignInCodeChannel,
  signInCodeRequestedEvent,
  TOPICS,
} from '@sinergi/contracts';
import { MessageSinks, ServiceHarness, startMessageSinks, testSecrets, waitFor } from '@sinergi/testing';
import { notificationService } from '../src/notification.service-definition';


/** Where the harness's notification says the participant portal is. */
export const PORTAL = 'https://portal.contoh.go.id/portal';
/** Notification with real SMTP and provider sinks; retries, the wait for a contact card and the supersede window made short for tests. */
export class NotificationHarness extends ServiceHarness {
  private constructor(
    parts: Awaited<ReturnType<typeof ServiceHarness.open>>,
    readonly sinks: MessageSinks,
    private readonly sealKey: string,
    private readonly signInCodeSealKey: string,
  ) {
    super(parts);
  }

  static async start(settings: Record<string, string> = {}): Promise<NotificationHarness> {
    const sinks = await startMessageSinks();
    const { CONTACT_SEAL_KEY, SIGN_IN_CODE_SEAL_KEY } = testSecrets();
    const env = {
      ...sinks.env(),
      CONTACT_SEAL_KEY,
      SIGN_IN_CODE_SEAL_KEY,
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_RETRY_BASE_MS: '100',
      NOTIFICATION_RETRY_MAX_MS: '200',
      NOTIFICATION_CONTACT_WAIT_MS: '3000',
      NOTICE_SUPERSEDE_MS: '500',
      PORTAL_PUBLIC_URL: PORTAL,
      ...settings,
    };
    return new NotificationHarness(await ServiceHarness.open(notificationService, [TOPICS.notificationDeliveries], env), sinks, CONTACT_SEAL_KEY, SIGN_IN_CODE_SEAL_KEY);
  }

  async stop(): Promise<void> {
    await this.destroy();
    await this.sinks.close();
  }

  /** A participant's sealed contact card, as enrollment publishes it; returns the participant id. */
  async participant(card: Omit<ContactCard, 'fullName'>, language: Language = 'id', participantId = randomUUID()): Promise<string> {
    const contact = seal({ fullName: 'Siti Rahayu', ...card }, sealKeyFrom(this.sealKey), participantId);
    await this.publish(participantContactChangedEvent.with(participantId, { participantId, language, contact }));
    return participantId;
  }

  /** A one-time code the gateway sealed for the participant, as it publishes it; returns its envelope. */
  async signInCode(participantId: string, code: string, channel: SignInCodeChannel, expiresAt = new Date(Date.now() + 5 * 60_000)): Promise<EventEnvelope> {
    const sealed = seal({ code }, sealKeyFrom(this.signInCodeSealKey), participantId);
    const [envelope] = await this.publish(signInCodeRequestedEvent.with(participantId, { participantId, channel, code: sealed, expiresAt: expiresAt.toISOString() }));
    return envelope;
  }

  async deliveriesOf(eventId: string): Promise<DeliveryView[]> {
    return (await this.request<Page<DeliveryView>>('GET', `/deliveries?eventId=${eventId}&limit=200`)).body.items;
  }

  /** Waits until the event's delivery of a template reaches a final status. */
  async settled(envelope: EventEnvelope, template: string, status = 'sent'): Promise<DeliveryView> {
    return waitFor(`${template} ${status}`, async () => (await this.deliveriesOf(envelope.id)).find((row) => row.template === template && row.status === status));
  }

  delivered(deliveryId: string) {
    return this.waitForEvents<NotificationDelivered>('NotificationDelivered', (data) => data.deliveryId === deliveryId);
  }

  failed(deliveryId: string) {
    return this.waitForEvents<NotificationFailed>('NotificationFailed', (data) => data.deliveryId === deliveryId);
  }
}

export function seatDecision(participantId: string, batchId = randomUUID()) {
  return { enrollmentId: randomUUID(), participantId, programmeId: randomUUID(), batchId };
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
