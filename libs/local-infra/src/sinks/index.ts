import { portFromEnv } from '../support';
import { type ProviderSink, startProviderSink } from './provider-sink';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

export * from './provider-sink';
export * from './smtp-sink';

export const LOCAL_SMTP_FROM = 'Sinergi Kemnaker <noreply@sinergi.kemnaker.go.id>';

export interface MessageSinkOptions {
  /** The MESSAGING_PROVIDER_SECRET senders sign with. */
  secret: string;
  host?: string;
  /** 0 picks a free port; defaults 1025, 8025 and 8026. */
  smtpPort?: number;
  mailHttpPort?: number;
  providerPort?: number;
}

export interface LocalMessageSinks {
  smtp: SmtpSink;
  provider: ProviderSink;
  /** The settings that point notification's channels at the sinks. */
  notificationEnv: { SMTP_URL: string; SMTP_FROM: string; MESSAGING_PROVIDER_URL: string; MESSAGING_PROVIDER_SECRET: string };
  close(): Promise<void>;
}

/** Both sinks, started in this process: where every email, SMS and WhatsApp message goes outside production. */
export async function startMessageSinkServers(options: MessageSinkOptions): Promise<LocalMessageSinks> {
  const smtp = await startSmtpSink({ host: options.host, smtpPort: options.smtpPort, httpPort: options.mailHttpPort });
  const provider = await startProviderSink({ host: options.host, port: options.providerPort, secret: options.secret }).catch(async (error: Error) => {
    await smtp.close();
    throw error;
  });
  return {
    smtp,
    provider,
    notificationEnv: { SMTP_URL: smtp.smtpUrl, SMTP_FROM: LOCAL_SMTP_FROM, MESSAGING_PROVIDER_URL: provider.url, MESSAGING_PROVIDER_SECRET: options.secret },
    close: async () => {
      await Promise.all([smtp.close(), provider.close()]);
    },
  };
}

/** The sinks of `npm start`, on 1025, 8025 and 8026 unless SINERGI_SMTP_SINK_PORT, SINERGI_MAIL_SINK_HTTP_PORT or SINERGI_PROVIDER_SINK_PORT move them. */
export function startLocalMessageSinks(secret: string, host = '127.0.0.1'): Promise<LocalMessageSinks> {
  return startMessageSinkServers({
    secret,
    host,
    smtpPort: portFromEnv('SINERGI_SMTP_SINK_PORT', 1025),
    mailHttpPort: portFromEnv('SINERGI_MAIL_SINK_HTTP_PORT', 8025),
    providerPort: portFromEnv('SINERGI_PROVIDER_SINK_PORT', 8026),
  });
}
