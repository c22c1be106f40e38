import { expectMalformedInputRefused } from '@sinergi/testing';
import { NotificationHarness } from './support';

describe('notification: malformed input on every write route (real Kafka, real PostgreSQL)', () => {
  let harness: NotificationHarness;
  beforeAll(async () => {
    harness = await NotificationHarness.start();
  });
  afterAll(() => harness.stop());

  it('answers deep nesting, control characters, malformed JSON, date-times for dates and integers past their column with a 4xx problem naming field and rule', () =>
    expectMalformedInputRefused(harness.service));
});
