import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { BatchPlanned, EVENT_CATALOG, EventEnvelope, TOPICS } from '@sinergi/contracts';
import {
  buildEnvelope,
  createTopicNamespace,
  publishEnvelopes,
  ServiceUnderTest,
  startServiceUnderTest,
  testKafka,
  TopicCollector,
  waitFor,
} from '@sinergi/testing';
import { instructorModuleService } from '../src/instructor-module.service-definition';

export interface HttpResult<T> {
  status: number;
  body: T;
}

/** The instructor-module in this process, on its own database and topic namespace, with a producer and a collector. */
export class InstructorModuleHarness {
  private constructor(
    readonly service: ServiceUnderTest,
    readonly prefix: string,
    private readonly producer: Producer,
    private readonly collector: TopicCollector,
  ) {}

  static async start(): Promise<InstructorModuleHarness> {
    const prefix = await createTopicNamespace();
    const collector = await TopicCollector.start(
      [TOPICS.instructorAssignments, TOPICS.instructorCatalogue, TOPICS.kemenumkmRosterResults].map((topic) => `${prefix}${topic.name}`),
    );
    const producer = testKafka('instructor-module-test').producer();
    await producer.connect();
    const service = await startServiceUnderTest(instructorModuleService, prefix);
    return new InstructorModuleHarness(service, prefix, producer, collector);
  }

  async destroy(): Promise<void> {
    await this.service.destroy();
    await this.producer.disconnect();
    await this.collector.stop();
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Publishes events as another service or a ministry system would; returns their envelopes. */
  async publish(...events: Array<{ type: string; subject: string; data: unknown }>): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => buildEnvelope(event.type, event.subject, event.data));
    await publishEnvelopes(this.producer, this.prefix, envelopes);
    return envelopes;
  }

  /** Every event of a type this service published so far. */
  eventsOf<T>(type: string): Array<EventEnvelope<T>> {
    const topic = `${this.prefix}${EVENT_CATALOG.get(type)?.topic}`;
    return (this.collector.valuesOf(topic) as Array<EventEnvelope<T>>).filter((envelope) => envelope.type === type);
  }

  /** The types of the events published for one class, in topic order. */
  typesFor(batchId: string): string[] {
    return (this.collector.valuesOf(`${this.prefix}${TOPICS.instructorAssignments.name}`) as EventEnvelope[])
      .filter((envelope) => envelope.subject === batchId)
      .map((envelope) => envelope.type);
  }

  /** Waits for events of a type matching the predicate, at least `count` of them. */
  waitForEvents<T>(type: string, predicate: (data: T) => boolean, count = 1): Promise<Array<EventEnvelope<T>>> {
    return waitFor(`${count} ${type}`, () => {
      const found = this.eventsOf<T>(type).filter((envelope) => predicate(envelope.data));
      return found.length >= count && found;
    });
  }

  query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.service.app.get(DataSource).query(sql, parameters);
  }
}

let instructorSeq = 0;

/** A valid registration; the name and contact details are sample data. */
export function instructorBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  instructorSeq += 1;
  return {
    externalRef: `UMKM-INS-${randomUUID().slice(0, 8)}`,
    fullName: `Instruktur Contoh ${instructorSeq}`,
    email: `instruktur${instructorSeq}@contoh.umkm.go.id`,
    phone: `08123456${String(instructorSeq).padStart(4, '0')}`,
    homeProvinceCode: '32',
    competencies: ['KWU-01'],
    maxClassesPerPeriod: 4,
    active: true,
    ...overrides,
  };
}

export function batchPlanned(overrides: Partial<BatchPlanned> = {}): BatchPlanned {
  return {
    batchId: randomUUID(),
    programmeId: '5b4c1f0e-6a7d-4e2b-9c3a-1d2e3f4a5b6c',
    moduleCode: 'KWU-01',
    provinceCode: '32',
    venueCode: 'BBPVP-BANDUNG',
    startDate: '2025-05-05',
    endDate: '2025-05-09',
    seats: 16,
    reserves: 2,
    minimumQuorum: 12,
    confirmBy: '2025-04-28',
    replyBy: '2025-04-20T00:00:00.000Z',
    ...overrides,
  };
}
