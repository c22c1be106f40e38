import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { exponentialBackoffMs } from './backoff';

export interface PgListenerOptions {
  /** Connection string of the database whose NOTIFY to hear. */
  databaseUrl: string;
  /** A plain identifier: it is written into `LISTEN` as is. */
  channel: string;
  /** How the connection shows in pg_stat_activity; `<channel>-listener` by default. */
  applicationName?: string;
  /** Called with each notification's payload, and once without one after a reconnect (notifications sent meanwhile were missed). */
  onNotify: (payload?: string) => void;
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
}

/**
 * One dedicated connection that LISTENs on a channel (`application_name` `<channel>-listener` unless given, so it can
 * be told apart in pg_stat_activity). A connection lost, or not to be had at start, is opened again with backoff;
 * the caller keeps a poll as its safety net for the time in between.
 */
export class PgListener {
  private readonly logger: Logger;
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private running = false;
  private failures = 0;

  constructor(private readonly options: PgListenerOptions) {
    this.logger = new Logger(`PgListener(${options.channel})`);
  }

  /** Listening, or trying again later, once this resolves: a start without the database is not refused for it. */
  async start(): Promise<void> {
    this.running = true;
    await this.connect().catch((error: Error) => {
      this.logger.warn(`LISTEN ${this.options.channel} not possible yet, trying again: ${error.message}`);
      this.reconnectLater();
    });
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { channel, databaseUrl, applicationName, onNotify } = this.options;
    const client = new Client({ connectionString: databaseUrl, application_name: applicationName ?? `${channel}-listener` });
    client.on('notification', (message) => onNotify(message.payload));
    client.on('error', (error) => this.logger.warn(`LISTEN ${channel} connection failed: ${error.message}`));
    client.once('end', () => {
      if (this.client !== client || !this.running) return;
      this.client = undefined;
      this.logger.warn(`LISTEN ${channel} connection lost, reconnecting`);
      this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private reconnectLater(): void {
    const delay = exponentialBackoffMs(++this.failures, this.options.reconnectInitialMs ?? 500, this.options.reconnectMaxMs ?? 10_000);
    this.reconnectTimer = setTimeout(() => {
      if (!this.running) return;
      this.connect().then(
        () => {
          if (!this.client) return;
          this.failures = 0;
          this.logger.log(`LISTEN ${this.options.channel} connection back`);
          this.options.onNotify();
        },
        (error: Error) => {
          this.logger.warn(`LISTEN ${this.options.channel} reconnect failed, trying again: ${error.message}`);
          this.reconnectLater();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }
}
