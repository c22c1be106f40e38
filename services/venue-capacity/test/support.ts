import { randomUUID } from 'node:crypto';
import { BatchPlanned, batchPlannedEvent, EventEnvelope, NewEvent, RegisterVenueRequest, TOPICS } from '@sinergi/contracts';
import { sampleBatchPlanned, ServiceHarness, waitFor } from '@sinergi/testing';
import { venueCapacityService } from '../src/venue-capacity.service-definition';

/** venue-capacity in this process, on its own database and topic namespace. */
export class VenueCapacityHarness extends ServiceHarness {
  static async start(): Promise<VenueCapacityHarness> {
    return new VenueCapacityHarness(
      await ServiceHarness.open(venueCapacityService, [TOPICS.venues, TOPICS.venueReservations, TOPICS.kemnakerVenueResults]),
    );
  }

  /** Registers a sample venue (the overrides change its body) and returns its code. */
  async registerVenue(overrides: Record<string, unknown> = {}): Promise<string> {
    const body = venueBody(overrides);
    expect((await this.request('POST', '/venues', body)).status).toBe(201);
    return body.venueCode;
  }

  /** Waits until `count` answers (reserved or rejected) arrived for the batches. */
  waitForAnswers(batchIds: readonly string[]): Promise<Array<EventEnvelope<{ batchId: string }>>> {
    const wanted = new Set(batchIds);
    return waitFor(`answers for ${batchIds.length} batch(es)`, () => {
      const answers = ['VenueReserved', 'VenueReservationRejected']
        .flatMap((type) => this.eventsOfType<{ batchId: string }>(type))
        .filter((envelope) => wanted.has(envelope.data.batchId));
      return answers.length >= batchIds.length && answers;
    });
  }
}

let venueSeq = 0;

/** A new sample venue's registration body with a unique code; overrides may also make it malformed. */
export function venueBody(overrides: Record<string, unknown> = {}): RegisterVenueRequest {
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
  return sampleBatchPlanned({ provinceCode: '36', venueCode: 'BBPVP-SERANG', ...overrides });
}

export function planned(batch: BatchPlanned): NewEvent<BatchPlanned> {
  return batchPlannedEvent.with(batch.batchId, batch);
}
