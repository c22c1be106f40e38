import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DashboardChange } from '@sinergi/contracts';
import { PgListener } from '@sinergi/messaging';
import { GatewayConfig } from '../../gateway.config';
import { changeOfPayload, READ_MODEL_CHANGES_CHANNEL } from './read-model-changes';

export type ChangeSubscriber = (change: DashboardChange) => void;

/**
 * The one LISTEN connection of this gateway process (a `PgListener`), fanning every announced read-model change out
 * to its subscribers (the open live streams). A lost connection is opened again, waiting longer after each failure
 * (0.5 s doubling up to 30 s); changes committed meanwhile are not heard, the pages catch up on the next one.
 */
@Injectable()
export class ReadModelChangeListener implements OnModuleInit, OnModuleDestroy {
  private readonly subscribers = new Set<ChangeSubscriber>();
  private readonly listener: PgListener;

  constructor(config: GatewayConfig) {
    this.listener = new PgListener({
      databaseUrl: config.DATABASE_URL,
      channel: READ_MODEL_CHANGES_CHANNEL,
      applicationName: 'gateway-read-model-changes',
      reconnectMaxMs: 30_000,
      onNotify: (payload) => this.fanOut(payload),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.subscribers.clear();
    await this.listener.stop();
  }

  get listening(): boolean {
    return this.listener.listening;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private fanOut(payload: string | undefined): void {
    const change = changeOfPayload(payload);
    if (change) this.subscribers.forEach((subscriber) => subscriber(change));
  }
}
