import { randomBytes } from 'node:crypto';
import { type CaughtEmail, type CaughtProviderMessage, type LocalMessageSinks, startMessageSinkServers } from '@sinergi/local-infra';
import { waitFor, WaitOptions } from './wait-for';

export type { CaughtEmail, CaughtProviderMessage };

export interface MessageSinks {
  /** SMTP_URL, SMTP_FROM, MESSAGING_PROVIDER_URL and MESSAGING_PROVIDER_SECRET pointing at the sinks, for notification's env. */
  env(): Record<string, string>;
  emailsTo(address: string): CaughtEmail[];
  providerMessagesTo(phone: string): CaughtProviderMessage[];
  /** Every email caught so far, to anyone. */
  allEmails(): CaughtEmail[];
  /** Every SMS and WhatsApp message caught so far, to anyone. */
  allProviderMessages(): CaughtProviderMessage[];
  /** Waits until at least `count` emails reached the address, and returns all that did. */
  waitForEmails(address: string, count?: number, options?: WaitOptions): Promise<CaughtEmail[]>;
  /** Waits until at least `count` SMS or WhatsApp messages reached the number (E.164), and returns all that did. */
  waitForProviderMessages(phone: string, count?: number, options?: WaitOptions): Promise<CaughtProviderMessage[]>;
  /** The next `count` provider requests answer `status` (default 503), after `delayMs` each. */
  failNext(count: number, status?: number, delayMs?: number): void;
  /** Every provider request so far, accepted, refused or failed on purpose. */
  providerRequestCount(): number;
  close(): Promise<void>;
}

/** A real SMTP server and a real provider webhook in this process, on free ports, with a fresh signing secret. */
export async function startMessageSinks(): Promise<MessageSinks> {
  const sinks: LocalMessageSinks = await startMessageSinkServers({
    secret: randomBytes(32).toString('hex'),
    smtpPort: 0,
    mailHttpPort: 0,
    providerPort: 0,
  });
  const emailsTo = (address: string) => sinks.smtp.emails({ to: address });
  const providerMessagesTo = (phone: string) => sinks.provider.messages({ to: phone });
  return {
    env: () => ({ ...sinks.notificationEnv }),
    emailsTo,
    providerMessagesTo,
    allEmails: () => sinks.smtp.emails(),
    allProviderMessages: () => sinks.provider.messages(),
    waitForEmails: (address, count = 1, options) =>
      waitFor(`${count} email(s) in the SMTP sink`, () => emailsTo(address).length >= count && emailsTo(address), options),
    waitForProviderMessages: (phone, count = 1, options) =>
      waitFor(`${count} message(s) in the provider sink`, () => providerMessagesTo(phone).length >= count && providerMessagesTo(phone), options),
    failNext: (count, status = 503, delayMs = 0) => sinks.provider.injectFault({ failNext: count, status, delayMs }),
    providerRequestCount: () => sinks.provider.requestCount(),
    close: () => sinks.close(),
  };
}
