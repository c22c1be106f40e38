import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClassRegisterView, DeliveryView, EnrollmentView, ParticipantView } from '@sinergi/contracts';
import { addDays, atHourInWib, todayInWib } from '@sinergi/contracts';
import { ensureWebBuild } from '@sinergi/local-infra';
import { MessageSinks, startMessageSinks, waitFor } from '@sinergi/testing';
import { launchChromium, signInThroughPage } from './browser';
import { allItems, call, expectCreated } from './http';
import { MAY, planClassAtSampleVenue, setupUrlsOf, signAndLaunch, waitUntilSeatsOpen } from './programme-setup';
import { RunningSystem } from './running-system';

const ADMIN = { username: 'admin-browser', password: 'a long browser test password', roles: ['kemnaker-admin'] };
const OPERATOR = { username: 'operator-browser', password: 'another browser test password', roles: ['venue-operator'], venueCodes: ['BLK-WEB-BDG'] };
/** Two venues in Jawa Barat (the operator's is BLK-WEB-BDG), one in Sulawesi Selatan. */
const VENUES = [
  { venueCode: 'BLK-WEB-BDG', provinceCode: '32' },
  { venueCode: 'BLK-WEB-BKS', provinceCode: '32' },
  { venueCode: 'BLK-WEB-MKS', provinceCode: '73' },
];

/**
 * The dashboard in headless Chromium against the whole system: six services as processes (the gateway serving the
 * built pages), Kafka and PostgreSQL. Data is set up through the services' APIs, then read as a person would.
 */
describe('the dashboard in a browser (Chromium, all services as processes, Kafka, PostgreSQL)', () => {
  let system: RunningSystem;
  let sinks: MessageSinks;
  let browser: Browser;
  let accountsDirectory: string;
  let gatewayUrl: string;
  let programmeId: string;
  const batchAt: Record<string, string> = {};
  const url = (service: Parameters<RunningSystem['url']>[0], path: string) => `${system.url(service)}${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    ensureWebBuild((line) => process.stdout.write(`${line}\n`));
    accountsDirectory = await mkdtemp(join(tmpdir(), 'sinergi-browser-'));
    const accountsFile = join(accountsDirectory, 'local-accounts.json');
    await writeFile(accountsFile, JSON.stringify([ADMIN, OPERATOR]));
    sinks = await startMessageSinks();
    system = await RunningSystem.start(
      ['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification', 'gateway'],
      { ...sinks.env(), BATCH_REPLY_TIMEOUT_MS: '60000' },
      { LOCAL_ACCOUNTS_FILE: accountsFile, RATE_LIMIT_PER_MINUTE: '100000', HTTP_HOST: '127.0.0.1' },
    );
    gatewayUrl = system.url('gateway');
    programmeId = await signAndLaunch(
      { program: url('program', ''), instructors: url('instructor-module', '') },
      { selectionPolicy: 'first-come-first-served', classDays: 3, classSize: 16, reservesPerClass: 2, minimumQuorum: 5, confirmByDaysBeforeStart: 3 },
    );
    const urls = setupUrlsOf(system);
    for (const [index, { venueCode, provinceCode }] of VENUES.entries()) {
      batchAt[venueCode] = await planClassAtSampleVenue(urls, programmeId, { venueCode, provinceCode, seats: 20 }, { externalRef: `E2E-WEB-${index}`, fullName: `Instruktur Web ${index}` });
    }
    await waitUntilSeatsOpen(urls, Object.values(batchAt));
    // The gateway's read models follow the events: wait until they hold every class as confirmed.
    await waitFor('the read models to hold the three confirmed classes', async () => {
      const rows = await system.query<{ count: string }>('gateway', `SELECT count(*) AS count FROM read_models.classes WHERE status = 'confirmed'`);
      return Number(rows[0]?.count) === 3;
    }, { timeoutMs: 60_000 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await sinks?.close();
    if (accountsDirectory) await rm(accountsDirectory, { recursive: true, force: true });
  });

  async function signedIn(account: { username: string; password: string }, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughPage(page, gatewayUrl, account.username, account.password, path);
    return { context, page };
  }

  it('an admin signs in through the real sign-in page, sees the real overview, opens a province and drills into a class', async () => {
    const { context, page } = await signedIn(ADMIN);
    try {
      // The overview, in Bahasa Indonesia by default: three confirmed classes, 48 seats, target 5.000 and ceiling 10.000.
      await page.getByRole('heading', { name: 'Ringkasan nasional' }).waitFor();
      // The header names the account by its username and role, never by its subject id.
      const account = await page.getByTestId('account').textContent();
      expect(account).toContain('admin-browser');
      expect(account).toContain('kemnaker-admin');
      expect(account).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      await expect(page.locator('td[data-status="confirmed"]').textContent()).resolves.toBe('3');
      const participants = page.locator('[data-figure="participants"]');
      await expect(participants.textContent()).resolves.toContain('target 5.000');
      await expect(participants.textContent()).resolves.toContain('batas 10.000');
      await expect(page.getByText('0 dari 48 kursi').count()).resolves.toBe(1);
      // No one has confirmed yet and every confirm-by day is ahead: all three classes are under quorum before it.
      const underQuorum = page.locator('[data-figure="under-quorum-before-confirm-by"]');
      await expect(underQuorum.textContent()).resolves.toContain('Di bawah kuorum, sebelum batas konfirmasi');
      await expect(underQuorum.locator('.figure-value').textContent()).resolves.toBe('3');
      // Today's messages (in WIB) as the read models count them; the figure follows them live.
      const messagesToday = page.locator('[data-figure="messages-today"]');
      await expect(messagesToday.textContent()).resolves.toContain('Pesan hari ini: terkirim / gagal');
      await waitFor("the figure to show today's messages", async () => {
        const [counted] = await system.query<{ sent: string; failed: string }>(
          'gateway',
          `SELECT count(*) FILTER (WHERE outcome = 'delivered') AS sent, count(*) FILTER (WHERE outcome = 'failed') AS failed
             FROM read_models.notification_outcomes WHERE outcome_at >= $1`,
          [atHourInWib(todayInWib(), 0)],
        );
        return (await messagesToday.locator('.figure-value').textContent()) === `${counted.sent} / ${counted.failed}`;
      }, { timeoutMs: 30_000 });

      // A province from the tile map: Jawa Barat and its two classes.
      await page.getByRole('button', { name: /^Jawa Barat: 2 kelas/ }).click();
      await page.waitForURL(`${gatewayUrl}/provinces/32`);
      await page.getByRole('heading', { name: /Jawa Barat/ }).waitFor();
      await waitFor('the province classes', async () => (await page.locator('tbody tr[data-batch-id]').count()) === 2);

      // The class at BLK-WEB-BDG: venue, room, dates in Indonesian, its history, its (empty) register.
      await page.locator(`tr[data-batch-id="${batchAt['BLK-WEB-BDG']}"] a`).click();
      await page.waitForURL(`${gatewayUrl}/classes/${batchAt['BLK-WEB-BDG']}`);
      await page.getByText('BLK-WEB-BDG').first().waitFor();
      await expect(page.getByText(`12 Mei ${MAY.slice(0, 4)}`).count()).resolves.toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Riwayat status' }).waitFor();
      await page.getByText('Belum ada peserta.').waitFor();

      // English is one click away and stays chosen.
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { name: 'Status history' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Status history' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("watches an enrollment made through the API arrive on the class's page without a reload", async () => {
    const { context, page } = await signedIn(ADMIN, `/classes/${batchAt['BLK-WEB-BDG']}`);
    try {
      await page.getByText('BLK-WEB-BDG').first().waitFor();
      const participant = await expectCreated<ParticipantView>('POST', url('enrollment', '/participants'), {
        nik: '3273051203850101',
        fullName: 'Peserta Browser Satu',
        birthDate: '1985-03-12',
        gender: 'M',
        phone: '+6281200020001',
        language: 'id',
        provinceCode: '32',
        business: { scale: 'micro', sector: 'kuliner' },
      });
      await waitFor('enrollment to know the class', async () => (await call('GET', url('enrollment', `/batches/${batchAt['BLK-WEB-BDG']}/fill`))).status === 200);
      await expectCreated<EnrollmentView>(
        'POST',
        url('enrollment', '/enrollments'),
        { participantId: participant.id, programmeId, batchId: batchAt['BLK-WEB-BDG'] },
        { 'idempotency-key': 'browser-enrollment-1' },
      );
      // The change comes over the gateway's event stream (GET /api/v1/dashboard/changes); the page then reads the register again.
      await page.getByTestId('register').getByText('Peserta Browser Satu').waitFor({ timeout: 60_000 });
    } finally {
      await context.close();
    }
  });

  it("lists the class's messages, as notification holds them for the class, on its page", async () => {
    const batchId = batchAt['BLK-WEB-BDG'];
    const { context, page } = await signedIn(ADMIN, `/classes/${batchId}`);
    try {
      const section = page.getByTestId('class-messages');
      await section.getByRole('heading', { name: 'Pesan kelas ini' }).waitFor();
      // The participant enrolled above was selected (first come, first served): their message names this class.
      const held = await waitFor('the selection message among the class messages', async () => {
        const items = await allItems<DeliveryView>(url('notification', `/deliveries?batchId=${batchId}`));
        return items.some((delivery) => delivery.template === 'selected') && items;
      }, { timeoutMs: 60_000 });
      expect(held.every((delivery) => delivery.batchId === batchId)).toBe(true);
      const rows = section.locator('tbody tr');
      await waitFor('a row per message', async () => (await rows.count()) === held.length, { timeoutMs: 30_000 });
      const texts = await rows.allTextContents();
      for (const template of ['class-scheduled', 'selected']) expect(texts.some((text) => text.includes(template))).toBe(true);
      expect(await section.locator('[data-delivery-status]').count()).toBe(held.length);
      // Its instructor by name, as instructor-module knows them (either of Jawa Barat's two may have been assigned).
      await waitFor('the instructor by name', async () => /^Instruktur Web [01]$/.test((await page.getByTestId('class-instructor').textContent()) ?? ''));
    } finally {
      await context.close();
    }
  });

  it('shows the outbox backlog and the consumer lag of the services on the operations page, as the API gives them', async () => {
    const { context, page } = await signedIn(ADMIN, '/operations');
    try {
      const outboxRows = page.locator('section[aria-labelledby="outbox-heading"] tbody tr');
      await waitFor('the outbox table', async () => (await outboxRows.count()) > 0, { timeoutMs: 30_000 });
      const services = await page.evaluate(async () => {
        const response = await fetch('/api/v1/operations/outbox', { credentials: 'include' });
        return ((await response.json()) as Array<{ service: string }>).map((row) => row.service);
      });
      expect(services.length).toBeGreaterThan(0);
      expect(await outboxRows.locator('td:first-child').allTextContents()).toEqual(services);
      await page.locator('section[aria-labelledby="lag-heading"] tbody tr').first().waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });

  it("exports a province's classes as CSV whose rows match the table", async () => {
    const { context, page } = await signedIn(ADMIN, '/provinces/32');
    try {
      await waitFor('the province classes', async () => (await page.locator('tbody tr[data-batch-id]').count()) === 2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
      const file = await download.path();
      const text = await readFile(file, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trim().split(/\r?\n/);
      expect(lines).toHaveLength(1 + 2);
      for (const batchId of [batchAt['BLK-WEB-BDG'], batchAt['BLK-WEB-BKS']]) expect(lines.some((line) => line.includes(batchId))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("a venue operator records a day's attendance for their own class through its register, and is refused another venue's class", async () => {
    const batchId = batchAt['BLK-WEB-BDG'];
    // The class's days pass, as the calendar would move them: enrollment's register first, then program's class.
    const days = [-2, -1, 0].map((offset) => addDays(todayInWib(), offset));
    for (const service of ['enrollment', 'program'] as const) {
      await system.query(service, 'UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, days[0], days[2], days]);
    }
    const { context, page } = await signedIn(OPERATOR, `/classes/${batchId}`);
    try {
      await page.getByText('BLK-WEB-BDG').first().waitFor();
      await page.getByRole('heading', { name: 'Daftar hadir' }).waitFor();
      const register = page.getByTestId('register');
      const row = register.locator('tbody tr', { hasText: 'Peserta Browser Satu' });
      await row.waitFor();
      await expect(row.locator('[aria-label="hadir"]').count()).resolves.toBe(0);

      // Record yesterday: the day, a tick per participant, then the confirmation, then the outcome.
      await page.getByRole('button', { name: 'Catat kehadiran' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Hari').selectOption(days[1]);
      const present = dialog.getByRole('checkbox', { name: /Peserta Browser Satu/ });
      await present.check();
      await dialog.getByRole('button', { name: 'Ya, lanjutkan' }).click();
      await expect(dialog.getByRole('status').textContent()).resolves.toMatch(/^Selesai: .+ · 1 hadir$/);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await waitFor('the register to show the day recorded', async () => (await row.locator('[aria-label="hadir"]').count()) === 1, { timeoutMs: 30_000 });

      // enrollment holds what the page recorded: present yesterday, nothing else.
      const recorded = await call<ClassRegisterView>('GET', url('enrollment', `/batches/${batchId}/attendance`));
      expect(recorded.status).toBe(200);
      expect(recorded.body.participants.map((line) => [line.fullName, line.days, line.attendedDays])).toEqual([['Peserta Browser Satu', { [days[1]]: true }, 1]]);

      // Another venue's class: refused (403), said plainly, and nothing of it shown.
      await page.goto(`${gatewayUrl}/classes/${batchAt['BLK-WEB-BKS']}`);
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      await expect(refusal.textContent()).resolves.toMatch(/^Ditolak \(403\)/);
      await expect(page.getByTestId('class-out-of-reach').textContent()).resolves.toContain('hanya dapat membuka kelas di tempat (BLK) Anda sendiri');
      await expect(page.getByText('BLK-WEB-BKS').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
