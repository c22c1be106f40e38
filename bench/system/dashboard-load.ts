import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BatchConfirmed,
  batchConfirmedEvent,
  batchFillChangedEvent,
  type BatchPlanned,
  batchPlannedEvent,
  type NewEvent,
  PROVINCE_CODES,
} from '@sinergi/contracts';
import { ensureWebBuild } from '@sinergi/local-infra';
import { buildEnvelope, publishEnvelopes, testKafka, waitFor } from '@sinergi/testing';
import { launchChromium, signInThroughPage } from '../../services/system-e2e/src/browser';
import { MAY, MODULE, signAndLaunch } from '../../services/system-e2e/src/programme-setup';
import { RunningSystem } from '../../services/system-e2e/src/running-system';
import { processCpuSeconds } from '../postgres-ceiling';
import { keepOutput } from './enrollment-system';

const ADMIN = { username: 'admin-bench', password: 'a long bench password', roles: ['kemnaker-admin'] };
const SEATS = 16;
const NOWHERE = 'http://127.0.0.1:9';

export interface DashboardFigures {
  classes: number;
  participants: number;
  loads: number;
  /** Per load, from navigation to the participants figure showing. */
  msToFirstFigure: number[];
  /** Per load, until the overview's count of confirmed classes shows them all. */
  msToAllClasses: number[];
  /** Per load: the document and every resource, as transferred (compressed). */
  bytesTransferred: number[];
  /** Per API path (query left out): the duration of each call, ms, over all loads. */
  apiCalls: Record<string, number[]>;
  gatewayCpuSeconds: number;
}

/** BatchPlanned, BatchConfirmed and a full BatchFillChanged for each class, provinces dealt round-robin. */
function nationalClasses(programmeId: string, classes: number): NewEvent[] {
  return Array.from({ length: classes }, (_, index) => {
    const planned: BatchPlanned = {
      batchId: randomUUID(),
      programmeId,
      moduleCode: MODULE,
      provinceCode: PROVINCE_CODES[index % PROVINCE_CODES.length],
      venueCode: `BLK-NAS-${index}`,
      startDate: `${MAY}-12`,
      endDate: `${MAY}-14`,
      seats: SEATS,
      reserves: 2,
      minimumQuorum: 5,
      confirmBy: `${MAY}-09`,
      replyBy: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const { replyBy: _replyBy, ...facts } = planned;
    const confirmed: BatchConfirmed = { ...facts, roomCode: 'R1', instructorId: randomUUID() };
    const fill = { batchId: planned.batchId, programmeId, seats: SEATS, reserves: 2, selected: SEATS, confirmed: SEATS, reserved: 0, minimumQuorum: 5, quorumMet: true };
    return [batchPlannedEvent.with(planned.batchId, planned), batchConfirmedEvent.with(planned.batchId, confirmed), batchFillChangedEvent.with(planned.batchId, fill)];
  }).flat();
}

/**
 * The dashboard's overview in headless Chromium over a national data set in the gateway's read models, put there by
 * publishing the classes' events (program, instructor-module and the gateway run as processes; the programme is
 * launched through program). Signed in once through the sign-in page; each load is a fresh context from its storage
 * state, so nothing comes from a cache.
 */
export async function dashboardFirstLoad(classes: number, loads: number): Promise<DashboardFigures> {
  ensureWebBuild((line) => process.stdout.write(`${line}\n`));
  const accountsDirectory = await mkdtemp(join(tmpdir(), 'sinergi-bench-'));
  const accountsFile = join(accountsDirectory, 'local-accounts.json');
  await writeFile(accountsFile, JSON.stringify([ADMIN]));
  const others = { ENROLLMENT_URL: NOWHERE, VENUE_CAPACITY_URL: NOWHERE, NOTIFICATION_URL: NOWHERE };
  const system = await RunningSystem.start(['program', 'instructor-module', 'gateway'], {}, { ...others, LOCAL_ACCOUNTS_FILE: accountsFile, RATE_LIMIT_PER_MINUTE: '100000', HTTP_HOST: '127.0.0.1' });
  const browser = await launchChromium();
  const producer = testKafka('bench-dashboard').producer();
  try {
    const programmeId = await signAndLaunch({ program: system.url('program'), instructors: system.url('instructor-module') }, {
      selectionPolicy: 'first-come-first-served',
      classDays: 3,
      classSize: SEATS,
      reservesPerClass: 2,
      minimumQuorum: 5,
      confirmByDaysBeforeStart: 3,
    });
    await producer.connect();
    await publishEnvelopes(producer, system.topicPrefix, nationalClasses(programmeId, classes).map((event) => buildEnvelope(event, '/sinergi/program')));
    await waitFor('the read models to hold every class as confirmed and full', async () => {
      const [row] = await system.query<{ count: string; selected: string }>(
        'gateway',
        `SELECT count(*) AS count, sum(selected) AS selected FROM read_models.classes WHERE programme_id = $1 AND status = 'confirmed'`,
        [programmeId],
      );
      return Number(row.count) === classes && Number(row.selected) === classes * SEATS;
    }, { timeoutMs: 600_000, intervalMs: 500 });

    const gatewayUrl = system.url('gateway');
    const signIn = await browser.newContext();
    await signInThroughPage(await signIn.newPage(), gatewayUrl, ADMIN.username, ADMIN.password);
    const storageState = await signIn.storageState();
    await signIn.close();

    const figures: DashboardFigures = { classes, participants: classes * SEATS, loads, msToFirstFigure: [], msToAllClasses: [], bytesTransferred: [], apiCalls: {}, gatewayCpuSeconds: 0 };
    const gatewayPid = system.pid('gateway')!;
    const cpuBefore = processCpuSeconds(gatewayPid) ?? NaN;
    for (let load = 0; load < loads; load += 1) {
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${gatewayUrl}/`);
        await page.locator('[data-figure="participants"]').waitFor();
        figures.msToFirstFigure.push(performance.now() - started);
        await page.locator('td[data-status="confirmed"]', { hasText: new RegExp(`^${classes.toLocaleString('id-ID').replace('.', '\\.')}$`) }).waitFor({ timeout: 60_000 });
        figures.msToAllClasses.push(performance.now() - started);
        const entries = await page.evaluate(() => {
          // In the page: the browser's Resource Timing entries (the bench is compiled without the DOM's types).
          const timings = (globalThis as unknown as { performance: { getEntriesByType(type: string): Array<{ name: string; duration: number; transferSize: number }> } }).performance;
          return [...timings.getEntriesByType('navigation'), ...timings.getEntriesByType('resource')].map(({ name, duration, transferSize }) => ({ name, duration, transferSize }));
        });
        figures.bytesTransferred.push(entries.reduce((sum, entry) => sum + entry.transferSize, 0));
        for (const entry of entries.filter((candidate) => new URL(candidate.name).pathname.startsWith('/api/v1/'))) {
          const path = new URL(entry.name).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
          (figures.apiCalls[path] ??= []).push(entry.duration);
        }
      } finally {
        await context.close();
      }
    }
    figures.gatewayCpuSeconds = (processCpuSeconds(gatewayPid) ?? NaN) - cpuBefore;
    return figures;
  } finally {
    await producer.disconnect();
    await browser.close();
    keepOutput(system, 'dashboard');
    await system.stop();
    await rm(accountsDirectory, { recursive: true, force: true });
  }
}
