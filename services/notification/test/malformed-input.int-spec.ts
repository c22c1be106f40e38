import { expectMalformedInputRefused, routesOutsideTheOperationsMap, unguardedRoutesOf } from '@sinergi/testing';
import { NotificationHarness } from './support';

describe('notification: malformed input on every write route (real Kafka, real PostgreSQL)', () => {
  let harness: NotificationHarness;
  beforeAll(async () => {
    harness = await NotificationHarness.start();
  });
  afterAll(() => harness.stop());

  it('answers deep nesting, control characters, malformed JSON, date-times for dates and integers past their column with a 4xx problem naming field and rule', () =>
    expectMalformedInputRefused(harness.service));

  it('refuses every route without a valid token (401) and to roles the access table does not admit (403)', async () => {
    expect(await unguardedRoutesOf(harness.service, 'notification')).toEqual([]);
  });

  it("serves exactly its operations of the HTTP operations map in libs/contracts, which the gateway's API forwards", () => {
    expect(routesOutsideTheOperationsMap(harness.service.app, 'notification')).toEqual([]);
  });
});
