import { randomUUID } from 'node:crypto';
import { BatchPlanned } from '@sinergi/contracts';

/** A BatchPlanned as program would publish it, for the services that answer one. */
export function sampleBatchPlanned(overrides: Partial<BatchPlanned> = {}): BatchPlanned {
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
