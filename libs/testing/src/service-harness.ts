import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EVENT_CATALOG, EventEnvelope, NewEvent, Principal, TopicSpec } from '@sinergi/contracts';
import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { buildEnvelope, publishEnvelopes } from './envelopes';
import { testKafka, TopicCollector } from './kafka-helpers';
import { createTopicNamespace, deleteTopicNamespace, ServiceUnderTest, startServiceUnderTest } from './service-under-test';
import { testAuthorization, TEST_STAFF } from './test-tokens';
import { waitFor } from './wait-for';

export interface HttpResult<T> {
  status: number;
  body: T;
}

/** A file as it was answered: its bytes unchanged, with the headers that say what it is. */
export interface FileResult {
  status: number;
  contentType: string | null;
  contentDisposition: string | null;
  bytes: Buffer;
}

export interface HarnessParts<C extends ServiceConfig = ServiceConfig> {
  definition: ServiceDefinition<C>;
  service: ServiceUnderTest;
  prefix: string;
  env: Record<string, string>;
  producer: Producer;
  collector: TopicCollector;
}

/**
 * One service in the test process, in a topic namespace of its own, with a producer that
 * speaks for the other services and a collector of what it publishes. Services extend it
 * with helpers of their own.
 */
export class ServiceHarness<C extends ServiceConfig = ServiceConfig> {
  service: ServiceUnderTest;
  readonly prefix: string;
  private readonly definition: ServiceDefinition<C>;
  private readonly env: Record<string, string>;
  private readonly producer: Producer;
  private readonly collector: TopicCollector;

  protected constructor(parts: HarnessParts<C>) {
    ({
      definition: this.definition,
      service: this.service,
      prefix: this.prefix,
      env: this.env,
      producer: this.producer,
      collector: this.collector,
    } = parts);
  }

  /** Starts the service on a fresh database, collecting the given topics of its namespace. */
  static async open<C extends ServiceConfig>(
    definition: ServiceDefinition<C>,
    collected: readonly TopicSpec[],
    env: Record<string, string> = {},
  ): Promise<HarnessParts<C>> {
    const prefix = await createTopicNamespace();
    const collector = await TopicCollector.start(collected.map((topic) => `${prefix}${topic.name}`));
    const producer = testKafka(`${definition.name}-test`).producer();
    await producer.connect();
    const service = await startServiceUnderTest(definition, prefix, { env });
    return { definition, service, prefix, env, producer, collector };
  }

  async destroy(): Promise<void> {
    await this.service.destroy();
    await this.producer.disconnect();
    await this.collector.stop();
    await deleteTopicNamespace(this.prefix);
  }

  /** Stops the service mid-work, keeping its database, and starts it again on the same database and topics. */
  async restart(whileStopped: () => Promise<void> = async () => undefined): Promise<void> {
    await this.service.stop();
    await whileStopped();
    this.service = await startServiceUnderTest(this.definition, this.prefix, { database: this.service.database, env: this.env });
  }

  get dataSource(): DataSource {
    return this.service.app.get(DataSource);
  }

  query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }

  /** One HTTP call, as TEST_STAFF unless `as` names another principal (`null`: no token at all). */
  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, as: Principal | null = TEST_STAFF): Promise<HttpResult<T>> {
    const url = `${this.service.url}${path}`;
    const authorization = await testAuthorization(url, as);
    const response = await fetch(url, {
      method,
      headers: { ...authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** One GET of a file (a PDF, or the problem+json refusing it), as TEST_STAFF unless `as` names another principal. */
  async download(path: string, as: Principal | null = TEST_STAFF): Promise<FileResult> {
    const url = `${this.service.url}${path}`;
    const response = await fetch(url, { headers: await testAuthorization(url, as) });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      contentDisposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** Publishes events (`batchPlannedEvent.with(subject, data)`) as another service or a ministry system would; returns their envelopes. */
  async publish(...events: NewEvent[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => buildEnvelope(event, '/test/other-service'));
    await publishEnvelopes(this.producer, this.prefix, envelopes);
    return envelopes;
  }

  /** Publishes the same envelopes again: a redelivery. */
  republish(envelopes: EventEnvelope[]): Promise<void> {
    return publishEnvelopes(this.producer, this.prefix, envelopes);
  }

  /** Every event of a type the service published so far, in topic order. */
  eventsOfType<T>(type: string): Array<EventEnvelope<T>> {
    const topic = `${this.prefix}${EVENT_CATALOG.get(type)?.topic}`;
    return (this.collector.valuesOf(topic) as Array<EventEnvelope<T>>).filter((envelope) => envelope.type === type);
  }

  /** Every event the service published on a topic about one subject, in topic order. */
  eventsAbout<T>(topic: TopicSpec, subject: string): Array<EventEnvelope<T>> {
    return (this.collector.valuesOf(`${this.prefix}${topic.name}`) as Array<EventEnvelope<T>>).filter(
      (envelope) => envelope.subject === subject,
    );
  }

  /** Waits for at least `count` events of a type whose data matches the predicate. */
  waitForEvents<T>(type: string, predicate: (data: T) => boolean = () => true, count = 1): Promise<Array<EventEnvelope<T>>> {
    return waitFor(`${count} ${type}`, () => {
      const found = this.eventsOfType<T>(type).filter((envelope) => predicate(envelope.data));
      return found.length >= count && found;
    });
  }
}
