import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOG, nominationBatchSubmittedEvent, Problem } from '@sinergi/contracts';
import { ServiceHarness } from '@sinergi/testing';
import { gatewayService } from '../src/gateway.service-definition';
import { gatewayTestEnv } from './gateway-test-env';

class GatewayHarness extends ServiceHarness {
  static async start(): Promise<GatewayHarness> {
    return new GatewayHarness(await ServiceHarness.open(gatewayService, [], gatewayTestEnv()));
  }
}

describe('gateway: the published schemas (real Kafka, real PostgreSQL)', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    // `npm run asyncapi:html` renders only when asyncapi.yaml changed since the last render (about 40 s). In its own
    // process: the generator's template loading does not finish inside Jest's module registry.
    const renderPage = promisify(execFile)(process.execPath, [join(__dirname, '../../../infra/scripts/run.js'), 'asyncapi:html']);
    [gateway] = await Promise.all([GatewayHarness.start(), renderPage]);
  });

  afterAll(async () => {
    await gateway?.destroy();
  });

  it("serves every event's schema at the path of its dataschema URL", async () => {
    for (const definition of EVENT_CATALOG.values()) {
      const path = new URL(definition.schema.$id).pathname;
      const response = await fetch(`${gateway.service.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        200,
        expect.stringContaining('application/schema+json'),
      ]);
      expect(((await response.json()) as { $id: string }).$id).toBe(definition.schema.$id);
    }
  });

  it('serves a schema an outside system can validate a message against', async () => {
    const response = await fetch(`${gateway.service.url}/schemas/NominationBatchSubmitted.v1.json`);
    const validate = addFormats(new Ajv({ strict: false })).compile((await response.json()) as object);
    const [example] = (nominationBatchSubmittedEvent.schema as unknown as { examples: unknown[] }).examples;
    expect(validate(example)).toBe(true);
    expect(validate({ ...(example as object), records: [{ recordRef: 'X-1' }] })).toBe(false);
  });

  it('answers 404 naming the field and rule for a schema it does not publish', async () => {
    const { status, body } = await gateway.request<Problem>('GET', '/schemas/NoSuchEvent.v1.json');
    expect(status).toBe(404);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'unknown-schema' })]);
  });

  it('lists the schemas and serves the AsyncAPI document', async () => {
    const list = await gateway.request<string[]>('GET', '/schemas');
    expect(list.body).toEqual(expect.arrayContaining(['envelope.json', 'VenueUpserted.v1.json']));
    const asyncapi = await gateway.request<{ asyncapi: string }>('GET', '/asyncapi.json');
    expect([asyncapi.status, asyncapi.body.asyncapi]).toEqual([200, '3.0.0']);
  });

  it('serves the AsyncAPI document as one page naming every message, with nothing loaded from elsewhere', async () => {
    const response = await fetch(`${gateway.service.url}/asyncapi`);
    const page = await response.text();
    expect([response.status, response.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const missing = [...EVENT_CATALOG.values()].map(({ type }) => type).filter((type) => !page.includes(`id="message-${type}"`));
    expect(missing).toEqual([]);
    const tags = page.match(/<(script|link|img|iframe)\b[^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\b(src|href)\s*=\s*["']?(https?:)?\/\//i.test(tag))).toEqual([]);
    expect(page).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
  });

  it('counts parked outbox rows in its health and stays up', async () => {
    const outboxHealth = async () => (await gateway.request<{ status: string; checks: { outbox: unknown } }>('GET', '/health')).body;
    expect(await outboxHealth()).toEqual(
      expect.objectContaining({ status: 'up', checks: expect.objectContaining({ outbox: { status: 'up', parked: 0 } }) }),
    );
    await gateway.query(
      `INSERT INTO outbox_parked (position, event_id, topic, message_key, envelope, created_at, reason)
       VALUES (1, gen_random_uuid(), 'gone.v1', 'k', '{}', now(), 'UNKNOWN_TOPIC_OR_PARTITION: This server does not host this topic-partition')`,
    );
    expect(await outboxHealth()).toEqual(
      expect.objectContaining({
        status: 'up',
        checks: expect.objectContaining({
          outbox: {
            status: 'up',
            parked: 1,
            latest: expect.objectContaining({ topic: 'gone.v1', reason: expect.stringMatching(/^UNKNOWN_TOPIC/) }),
          },
        }),
      }),
    );
  });
});
