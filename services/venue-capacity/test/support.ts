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
import { venueCapacityService } from '../src/venue-capacity.service-definition';

export interface HttpResult<T> {
  status: number;
  body: T;
}

/** venue-capacity in this process, on its own database and topic namespace, with a producer and a collector. */
export class VenueCapacityHarness {
  private constructor(
    readonly service: ServiceUnderTest,
    readonly prefix: string,
    private readonly producer: Producer,
    private readonly collector: TopicCollector,
  ) {}

  static async start(): Promise<VenueCapacityHarness> {
    const prefix = await createTopicNamespace();
    const collector = await TopicCollector.start([TOPICS.venues, TOPICS.venueReservations, TOPICS.kemnakerVenueResults].map((topic) => `${prefix}${topic.name}`));
    const producer = testKafka('venue-capacity-test').producer();
    await producer.connect();
    const service = await startServiceUnderTest(venueCapacityService, prefix);
    return new VenueCapacityHarness(service, prefix, producer, collector);
  }

  async destroy(): Promise<void> {
    await this.service.destroy();
    await this.producer.disconnect();
    await this.collector.stop();
  }

  get dataSource(): DataSource {
    return this.service.app.get(DataSource);
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

  eventsOf<T>(type: string): Array<EventEnvelope<T>> {
    const topic = `${this.prefix}${EVENT_CATALOG.get(type)?.topic}`;
    return (this.collector.valuesOf(topic) as Array<EventEnvelope<T>>).filter((envelope) => envelope.type === type);
  }

  /** Waits for at least `count` events of a type matching the predicate. */
  waitForEvents<T>(type: string, predicate: (data: T) => boolean, count = 1): Promise<Array<EventEnvelope<T>>> {
    return waitFor(`${count} ${type}`, () => {
      const found = this.eventsOf<T>(type).filter((envelope) => predicate(envelope.data));
      return found.length >= count && found;
    });
  }

  /** Waits until `count` answers (reserved or rejected) arrived for the batches. */
  waitForAnswers(batchIds: readonly string[]): Promise<Array<EventEnvelope<{ batchId: string }>>> {
    const wanted = new Set(batchIds);
    return waitFor(`answers for ${batchIds.length} batch(es)`, () => {
      const answers = ['VenueReserved', 'VenueReservationRejected']
        .flatMap((type) => this.eventsOf<{ batchId: string }>(type))
        .filter((envelope) => wanted.has(envelope.data.batchId));
      return answers.length >= batchIds.length && answers;
    });
  }

  query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }
}

let venueSeq = 0;

/** A new sample venue's registration body with a unique code. */
export function venueBody(overrides: Record<string, unknown> = {}): { venueCode: string } & Record<string, unknown> {
  venueSeq += 1;
  return {
    venueCode: `BLK-SAMPLE-${venueSeq}-${randomUUID().slice(0, 6).toUpperCase()}`,
    name: `BLK Contoh ${venueSeq} (sample)`,
    kind: 'BLK',
    provinceCode: '36',
    city: 'Serang',
    rooms: [
      { roomCode: 'R1', name: 'Kelas 1', seats: 20 },
      { roomCode: 'R2', name: 'Kelas 2', seats: 30 },
    ],
    closedDays: [],
    sample: true,
    ...overrides,
  };
}

export function batchPlanned(overrides: Partial<BatchPlanned> = {}): BatchPlanned {
  return {
    batchId: randomUUID(),
    programmeId: '5b4c1f0e-6a7d-4e2b-9c3a-1d2e3f4a5b6c',
    moduleCode: 'KWU-01',
    provinceCode: '36',
    venueCode: 'BBPVP-SERANG',
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

export function planned(batch: BatchPlanned): { type: string; subject: string; data: BatchPlanned } {
  return { type: 'BatchPlanned', subject: batch.batchId, data: batch };
}
