import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DashboardChange } from '@sinergi/contracts';
import { GatewayConfig } from '../../gateway.config';
import { changeOfPayload, READ_MODEL_CHANGES_CHANNEL } from './read-model-changes';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;

export type ChangeSubscriber = (change: DashboardChange) => void;

/**
 * The one LISTEN connection of this gateway process, fanning every announced read-model change out to its
 * subscribers (the open live streams). A lost connection is opened again, waiting longer after each failure
 * (0.5 s doubling up to 30 s); changes committed meanwhile are not heard, the pages catch up on the next one.
 */
@Injectable()
export class ReadModelChangeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReadModelChangeListener.name);
  private readonly subscribers = new Set<ChangeSubscriber>();
  private client?: Client;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly config: GatewayConfig) {}

  /** Listening (or scheduled to try again) once this resolves; a start without the database is not refused for it. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.subscribers.clear();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'gateway-read-model-changes' });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel !== READ_MODEL_CHANGES_CHANNEL) return;
      const change = changeOfPayload(message.payload);
      if (change) this.subscribers.forEach((subscriber) => subscriber(change));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${READ_MODEL_CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
  }

  private lost(client: Client, error?: Error): void {
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = undefined;
    if (this.stopped || this.retryTimer !== undefined) return;
    this.logger.warn(`read-model changes not heard (${error?.message ?? 'connection ended'}), listening again in ${this.retryMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
  }
}
