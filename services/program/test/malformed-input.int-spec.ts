import { expectMalformedInputRefused } from '@sinergi/testing';
import { BatchesHarness } from './batches-harness';

describe('program: malformed input on every write route (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  beforeAll(async () => {
    harness = await BatchesHarness.start({});
  });
  afterAll(() => harness.destroy());

  it('answers deep nesting, control characters, malformed JSON, date-times for dates and integers past their column with a 4xx problem naming field and rule', () =>
    expectMalformedInputRefused(harness.service));
});
