import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTopicNamespace, deleteTopicNamespace, freePort, ServiceUnderTest, startServiceUnderTest } from '@sinergi/testing';
import { gatewayService } from '../src/gateway.service-definition';
import { gatewayTestEnv } from './gateway-test-env';

const html = { accept: 'text/html,application/xhtml+xml' };

describe('gateway: the built dashboard and portal (services/web)', () => {
  let gateway: ServiceUnderTest;
  let url: string;
  let prefix: string;
  let webDir: string;

  beforeAll(async () => {
    prefix = await createTopicNamespace();
    webDir = await mkdtemp(join(tmpdir(), 'sinergi-web-'));
    await mkdir(join(webDir, 'portal'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>dashboard page</title>');
    await writeFile(join(webDir, 'portal', 'index.html'), '<!doctype html><title>portal page</title>');
    await writeFile(join(webDir, 'assets', 'dashboard-abc123.js'), 'console.log(1)');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    gateway = await startServiceUnderTest(gatewayService, prefix, { env: gatewayTestEnv({ HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', GATEWAY_PUBLIC_URL: url, WEB_DIST_DIR: webDir }) });
  });

  afterAll(async () => {
    await gateway?.destroy();
    await deleteTopicNamespace(prefix);
    await rm(webDir, { recursive: true, force: true });
  });

  it('serves the dashboard at / under a CSP that allows nothing inline and nothing from elsewhere', async () => {
    const response = await fetch(`${url}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('dashboard page');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it("answers the page for a client-side route, the portal's for /portal/..., and the hashed assets as immutable files", async () => {
    expect(await (await fetch(`${url}/classes/0b8a1f`, { headers: html })).text()).toContain('dashboard page');
    expect(await (await fetch(`${url}/portal/`, { headers: html })).text()).toContain('portal page');
    expect(await (await fetch(`${url}/portal/enrollments/1`, { headers: html })).text()).toContain('portal page');
    const asset = await fetch(`${url}/assets/dashboard-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/assets/missing.js`, { headers: html })).status).toBe(404);
  });

  it("leaves the gateway's own routes to the gateway, with their CSP", async () => {
    const health = await fetch(`${url}/health`, { headers: html });
    expect(health.headers.get('content-type')).toContain('application/json');
    const unknownApi = await fetch(`${url}/api/v1/no-such-route`, { headers: html });
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.text()).not.toContain('dashboard page');
    const docs = await fetch(`${url}/api/docs`, { headers: html });
    expect(docs.headers.get('content-security-policy')).toContain("'unsafe-inline'");
  });

  it('answers 503 naming npm run build:web while the pages are not built', async () => {
    await rm(join(webDir, 'index.html'));
    const response = await fetch(`${url}/`, { headers: html });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>dashboard page</title>');
    expect((await fetch(`${url}/`, { headers: html })).status).toBe(200);
  });
});
