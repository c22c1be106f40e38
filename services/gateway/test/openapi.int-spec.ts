import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACCESS_TABLE, GATEWAY_OPERATION_IDS, GATEWAY_SUCCESS_STATUS, HTTP_SCHEMAS } from '@sinergi/contracts';
import { createTopicNamespace, deleteTopicNamespace, routesOf, ServiceUnderTest, startServiceUnderTest, testSecrets } from '@sinergi/testing';
import { API_ROUTES } from '../src/api/api-routes';
import { gatewayService } from '../src/gateway.service-definition';

type Schema = Record<string, unknown>;
type Content = Record<string, { schema?: Schema }>;

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { required?: boolean; content: Content };
  responses: Record<string, { content?: Content }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, Schema> };
}

/** A schema that says something: a `$ref` to a component, an object with properties, a page or a list of such items. */
function isSpecific(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (typeof schema.$ref === 'string') return true;
  if (schema.type === 'array') return isSpecific(schema.items as Schema | undefined);
  const properties = schema.properties as Record<string, Schema> | undefined;
  return properties !== undefined && Object.keys(properties).length > 0 && (!properties.items || isSpecific(properties.items.items as Schema | undefined));
}

const nowhere = 'http://127.0.0.1:9';

/**
 * The validator's verdict on a document. In a process of its own: the validator is an ES module that reads
 * import.meta, which Jest's CommonJS module registry cannot load.
 */
async function validateOpenApi(document: unknown): Promise<{ valid: boolean; errors?: unknown }> {
  const directory = await mkdtemp(join(tmpdir(), 'openapi-'));
  try {
    const file = join(directory, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const script = `import { Validator } from '@seriousme/openapi-schema-validator';
      const result = await new Validator().validate(${JSON.stringify(file)});
      process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: join(__dirname, '../../..') });
    return JSON.parse(stdout) as { valid: boolean; errors?: unknown };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe('gateway: the OpenAPI document, headers and rate limits, with no service behind it (real Kafka, real PostgreSQL)', () => {
  let prefix: string;
  let gateway: ServiceUnderTest;
  let document: OpenApiDocument;

  beforeAll(async () => {
    prefix = await createTopicNamespace();
    gateway = await startServiceUnderTest(gatewayService, prefix, {
      env: {
        ...testSecrets(),
        PROGRAM_URL: nowhere,
        ENROLLMENT_URL: nowhere,
        VENUE_CAPACITY_URL: nowhere,
        INSTRUCTOR_MODULE_URL: nowhere,
        NOTIFICATION_URL: nowhere,
        GATEWAY_PUBLIC_URL: 'http://localhost:3000',
        // Nothing listens there: the issuer cannot be reached.
        OIDC_ISSUER: 'http://127.0.0.1:9/oidc',
        SENSITIVE_RATE_LIMIT_PER_MINUTE: '3',
        TRUST_PROXY: '1',
      },
    });
    const response = await fetch(`${gateway.url}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await gateway?.destroy();
    if (prefix) await deleteTopicNamespace(prefix);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validateOpenApi(document);
    expect([document.openapi, result.errors ?? []]).toEqual(['3.1.0', []]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the gateway serves', () => {
    const described = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, ':')}`)),
    );
    const served = routesOf(gateway.app).map((route) => `${route.method} ${route.path.replace(/[0-9a-f-]{36}/g, ':')}`);
    expect(served.filter((route) => !described.has(route))).toEqual([]);
  });

  it('names each API operation by its access table id, with bearer security on the non-public ones and problem+json errors', () => {
    expect(document.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    const apiOperations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([, operations]) => Object.values(operations));
    expect(apiOperations.length).toBeGreaterThan(60);
    for (const operation of apiOperations) {
      const id = operation.operationId as keyof typeof ACCESS_TABLE;
      expect(ACCESS_TABLE[id]).toBeDefined();
      expect([id, operation.security !== undefined]).toEqual([id, ACCESS_TABLE[id] !== 'public']);
      expect([id, Object.keys(operation.responses)]).toEqual([id, expect.arrayContaining(['404', '429'])]);
    }
  });

  it('describes the success answer of every /api/v1 operation by a specific schema', () => {
    const findings: string[] = [];
    for (const [path, operations] of Object.entries(document.paths).filter(([name]) => name.startsWith('/api/v1/'))) {
      for (const [method, operation] of Object.entries(operations)) {
        const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (successes.length === 0) findings.push(`${method} ${path}: no success answer`);
        for (const [status, { content }] of successes) {
          if (status === '204') continue;
          // A JSON answer has its own schema; a file or a stream (CSV, PDF, server-sent events) is described as a string.
          const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
          const ref = media?.schema?.$ref;
          const fileSchema = typeof ref === 'string' ? document.components.schemas[ref.split('/').pop() ?? ''] : media?.schema;
          const described = mediaType === 'application/json' ? isSpecific(media?.schema) : fileSchema?.type === 'string';
          if (!described) findings.push(`${method} ${path} ${status}: a generic answer ${mediaType} ${JSON.stringify(media?.schema)}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it("describes each of the gateway's own operations once, by the contracts' schemas, under its success status", () => {
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) => Object.values(byMethod).map((operation) => ({ path, operation })));
    const findings: string[] = [];
    for (const id of GATEWAY_OPERATION_IDS) {
      const described = operations.filter(({ operation }) => operation.operationId === id);
      if (described.length !== 1) {
        findings.push(`${id}: described ${described.length} times`);
        continue;
      }
      const [{ path, operation }] = described;
      const { params, query, body, answer } = HTTP_SCHEMAS.operations[id];
      const status = String(GATEWAY_SUCCESS_STATUS[id]);
      const success = operation.responses[status]?.content?.['application/json']?.schema;
      if (JSON.stringify(success) !== JSON.stringify(answer)) findings.push(`${id}: answers ${JSON.stringify(success)} under ${status}, not its contract's answer`);
      const requestBody = operation.requestBody?.content['application/json']?.schema;
      if (JSON.stringify(requestBody) !== JSON.stringify(body)) findings.push(`${id}: takes ${JSON.stringify(requestBody)}, not its contract's body`);
      const named = (where: string) => (operation.parameters ?? []).filter((parameter) => parameter.in === where).map((parameter) => parameter.name).sort();
      const propertiesOf = (schema: Schema | undefined) => {
        const ref = schema?.$ref as string | undefined;
        const resolved = ref ? document.components.schemas[ref.split('/').pop()!] : schema;
        return Object.keys((resolved?.properties as Schema | undefined) ?? {}).sort();
      };
      if (named('query').join() !== propertiesOf(query).join()) findings.push(`${id}: query ${named('query').join()}, not ${propertiesOf(query).join()}`);
      const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      if (named('path').join() !== pathNames.join() || propertiesOf(params).join() !== pathNames.join()) findings.push(`${id}: path parameters ${named('path').join()}, contract ${propertiesOf(params).join()}`);
    }
    expect(findings).toEqual([]);
  });

  it("describes each forwarded operation's body, query and answer by the contracts' schemas", () => {
    const findings: string[] = [];
    for (const route of API_ROUTES) {
      const operation = document.paths[`/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.method.toLowerCase()];
      if (!operation) {
        findings.push(`${route.operation}: not described`);
        continue;
      }
      const { body, query } = HTTP_SCHEMAS.operations[route.operation];
      const success = operation.responses[route.creates ? '201' : '200']?.content?.[route.file ?? 'application/json']?.schema;
      if (!isSpecific(success)) findings.push(`${route.operation}: a generic answer ${JSON.stringify(success)}`);
      const requestBody = operation.requestBody?.content['application/json']?.schema;
      if (body && !isSpecific(requestBody)) findings.push(`${route.operation}: a generic body ${JSON.stringify(requestBody)}`);
      if (!body && requestBody) findings.push(`${route.operation}: a body it does not take`);
      const queryNames = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
      if (route.page && !['limit', 'cursor'].every((name) => queryNames.includes(name))) findings.push(`${route.operation}: no limit and cursor`);
      if (query && queryNames.length === 0) findings.push(`${route.operation}: no query parameters`);
    }
    expect(findings).toEqual([]);
  });

  it('describes each CSV export with a text/csv answer and ?lang=, and the live changes with an event stream', () => {
    const exports = Object.entries(document.paths).filter(([path]) => path.endsWith('.csv'));
    expect(exports.map(([path]) => path).sort()).toEqual([
      '/api/v1/audit.csv',
      '/api/v1/dashboard/classes.csv',
      '/api/v1/dashboard/dead-letters.csv',
      '/api/v1/dashboard/instructors/load.csv',
      '/api/v1/dashboard/notifications.csv',
      '/api/v1/dashboard/programmes/{id}/provinces.csv',
      '/api/v1/dashboard/venues/{code}/utilisation.csv',
    ]);
    for (const [path, { get }] of exports) {
      expect([path, Object.keys(get.responses['200'].content ?? {})]).toEqual([path, ['text/csv']]);
      expect([path, get.operationId]).toEqual([path, expect.stringMatching(/-csv$/)]);
      expect(get.parameters?.find((parameter) => parameter.name === 'lang')).toMatchObject({ in: 'query', required: false });
    }
    const changes = document.paths['/api/v1/dashboard/changes'].get;
    expect([changes.operationId, Object.keys(changes.responses['200'].content ?? {})]).toEqual(['dashboard.changes', ['text/event-stream']]);
    expect(changes.responses['503'].content?.['application/problem+json']).toBeDefined();
  });

  it('requires the body where the service requires one, and has a component for every $ref', () => {
    expect(document.paths['/api/v1/agreements'].post.requestBody?.required).toBe(true);
    expect(document.paths['/api/v1/programmes/{programmeId}/selection'].post.requestBody?.required).toBe(false);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name);
    expect(refs.length).toBeGreaterThan(60);
    expect([...new Set(refs)].filter((name) => !document.components.schemas[name])).toEqual([]);
  });

  it('serves the API docs page', async () => {
    const response = await fetch(`${gateway.url}/api/docs`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
  });

  it('answers 503 naming the issuer when the issuer cannot be reached, and keeps serving', async () => {
    const response = await fetch(`${gateway.url}/api/v1/agreements`, { headers: { authorization: 'Bearer a.b.c' } });
    const problem = (await response.json()) as { errors: unknown[] };
    expect([response.status, response.headers.get('content-type')]).toEqual([503, expect.stringContaining('application/problem+json')]);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'Authorization', rule: 'issuer-reachable' })]);
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });

  it('answers a service it cannot reach with 502 problem+json', async () => {
    const response = await fetch(`${gateway.url}/api/v1/certificates/verify/ABCDEFGHJK`);
    expect([response.status, response.headers.get('content-type')]).toEqual([502, expect.stringContaining('application/problem+json')]);
  });

  it('sets security headers and no CORS header when CORS_ORIGINS is not set', async () => {
    const response = await fetch(`${gateway.url}/api/v1/certificates/verify/ABCDEFGHJK`, { headers: { origin: 'https://elsewhere.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 429 problem+json with Retry-After once a client exceeds the sensitive routes\' limit', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let call = 0; call < 5; call += 1) {
      last = await fetch(`${gateway.url}/api/v1/participants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(last.status);
    }
    expect(statuses.slice(-1)).toEqual([429]);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    // Behind the one trusted proxy (TRUST_PROXY=1), another client's address has a limit of its own.
    const otherClient = await fetch(`${gateway.url}/api/v1/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: '{}',
    });
    expect(otherClient.status).not.toBe(429);
  });
});
