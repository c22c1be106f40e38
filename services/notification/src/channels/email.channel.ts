import { createTransport, type SMTPPoolOptions, type Transporter } from 'nodemailer';
import { ChannelAdapter, DeliveryError, OutgoingMessage } from './channel.port';
import { redactContacts } from './delivery-errors.rules';

/** The header that carries the delivery id, so that a mailbox, a sink or a person can find the delivery. */
export const DELIVERY_ID_HEADER = 'X-Sinergi-Delivery-Id';

export interface EmailChannelSettings {
  /** smtp://[user:password@]host[:port] (STARTTLS when the server offers it) or smtps://... (TLS from the start). */
  smtpUrl: string;
  /** The From header, e.g. "Sinergi Kemnaker <noreply@sinergi.kemnaker.go.id>". */
  from: string;
}

/** Failures of the connection itself, before any SMTP reply: the server may answer next time. */
const CONNECTION_ERROR_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY']);

/** Email over SMTP through one pool of connections, closed by close() at shutdown. */
export class EmailChannel implements ChannelAdapter {
  readonly name = 'email' as const;
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;

  constructor(settings: EmailChannelSettings) {
    this.transport = createTransport(poolOptions(settings.smtpUrl), { from: settings.from });
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? 'sinergi.local';
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    try {
      const info = await this.transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.deliveryId}@${this.messageIdDomain}>`,
        headers: { [DELIVERY_ID_HEADER]: message.deliveryId, 'Content-Language': message.language },
      });
      return { providerMessageId: String(info.messageId) };
    } catch (error) {
      throw classifySmtpError(error as SmtpFailure);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function poolOptions(smtpUrl: string): SMTPPoolOptions & { pool: true } {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export interface SmtpFailure extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** 5xx replies and an envelope nodemailer refuses (no valid recipient) are permanent; 4xx and a lost connection are not. */
export function classifySmtpError(error: SmtpFailure): DeliveryError {
  const reply = error.responseCode;
  const detail = redactContacts(error.response ?? error.message);
  if (reply !== undefined && reply >= 500) return new DeliveryError(`SMTP server refused the message (${reply}): ${detail}`, true);
  if (reply !== undefined && reply >= 400) return new DeliveryError(`SMTP server deferred the message (${reply}): ${detail}`, false);
  if (error.code === 'EENVELOPE') return new DeliveryError(`invalid envelope: ${detail}`, true);
  if (error.code !== undefined && CONNECTION_ERROR_CODES.has(error.code)) {
    return new DeliveryError(`could not reach the SMTP server (${error.code}): ${detail}`, false);
  }
  return new DeliveryError(`SMTP send failed${error.code ? ` (${error.code})` : ''}: ${detail}`, false);
}
