import { expectMalformedInputRefused } from '@sinergi/testing';
import { InstructorModuleHarness } from './support';

describe('instructor-module: malformed input on every write route (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;
  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
  });
  afterAll(() => harness.destroy());

  it('answers deep nesting, control characters, malformed JSON, date-times for dates and integers past their column with a 4xx problem naming field and rule', () =>
    expectMalformedInputRefused(harness.service));
});
