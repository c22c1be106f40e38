import { BeforeApplicationShutdown, DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventCatalog } from '@sinergi/contracts';
import { KafkaConnection } from './kafka-connection';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

export interface MessagingOptions {
  serviceName: string;
  kafka: KafkaConnection;
  databaseUrl: string;
  catalog: EventCatalog;
  /** The base URL of every event's dataschema (default https://sinergi.kemnaker.go.id). */
  schemaBaseUrl?: string;
}

/** Runs the outbox relay alongside the service; it stops before the database pools close. */
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(options: MessagingOptions, dataSource: DataSource) {
    this.relay = new OutboxRelay({ ...options.kafka, clientId: options.serviceName, dataSource, databaseUrl: options.databaseUrl });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

/** Gives a service its Outbox (inject it and append events in your transaction) and runs its relay. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: Outbox, useFactory: () => new Outbox(options.catalog, `/sinergi/${options.serviceName}`, options.schemaBaseUrl) },
        { provide: RelayLifecycle, useFactory: (dataSource: DataSource) => new RelayLifecycle(options, dataSource), inject: [DataSource] },
      ],
      exports: [Outbox],
    };
  }
}
