import { expectMalformedInputRefused } from '@sinergi/testing';
import { VenueCapacityHarness } from './support';

describe('venue-capacity: malformed input on every write route (real Kafka, real PostgreSQL)', () => {
  let harness: VenueCapacityHarness;
  beforeAll(async () => {
    harness = await VenueCapacityHarness.start();
  });
  afterAll(() => harness.destroy());

  it('answers deep nesting, control characters, malformed JSON, date-times for dates and integers past their column with a 4xx problem naming field and rule', () =>
    expectMalformedInputRefused(harness.service));
});
