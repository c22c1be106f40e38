import { createTransport, type SMTPPoolOptions, type Transporter } from 'nodemailer';
import { ChannelAdapter, OutgoingMessage } from './channel.port';
import { classifySmtpError, SmtpFailure } from './delivery-errors.rules';

/** The header that carries the delivery id, so that a mailbox, a sink or a person can find the delivery. */
export const DELIVERY_ID_HEADER = 'X-Sinergi-Delivery-Id';

export interface EmailChannelSettings {
  /** smtp://[user:password@]host[:port] (STARTTLS when the server offers it) or smtps://... (TLS from the start). */
  smtpUrl: string;
  /** The From header, e.g. "Sinergi Kemnaker <noreply@sinergi.kemnaker.go.id>". */
  from: string;
}

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
