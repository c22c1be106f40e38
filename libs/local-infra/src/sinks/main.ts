import { startLocalMessageSinks } from './index';

/**
 * The sinks as a process of their own, for docker-compose.yml (`npm start` runs them in its own process).
 * Settings: MESSAGING_PROVIDER_SECRET, SINERGI_SINK_HOST (default 127.0.0.1; 0.0.0.0 in a container) and the port settings.
 */
async function main(): Promise<void> {
  const secret = process.env.MESSAGING_PROVIDER_SECRET ?? '';
  if (secret.length < 32) throw new Error('MESSAGING_PROVIDER_SECRET: must be at least 32 characters, e.g. from `openssl rand -hex 32` (value hidden)');
  const sinks = await startLocalMessageSinks(secret, process.env.SINERGI_SINK_HOST || '127.0.0.1');
  process.stdout.write(`[sinks] SMTP ${sinks.smtp.smtpUrl}; emails ${sinks.smtp.httpUrl}/messages; SMS and WhatsApp ${sinks.provider.url}/messages\n`);
  const stop = () => void sinks.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`[sinks] ${error.message}\n`);
  process.exit(1);
});
