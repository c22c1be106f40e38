import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Browser, chromium, Page } from 'playwright-core';
import type { ClassRegisterView, EnrollmentDocumentView } from '@sinergi/contracts';
import { addDays, todayInWib } from '@sinergi/contracts';
import {
  createTopicNamespace,
  deleteTopicNamespace,
  freePort,
  MessageSinks,
  readPdf,
  ServiceProcesses,
  startMessageSinks,
  waitFor,
} from '@sinergi/testing';
import { call, expectCreated } from './http';
import { planClassAtSampleVenue, setupUrlsOf, signAndLaunch, waitUntilSeatsOpen } from './programme-setup';

const REPO = resolve(__dirname, '../../..');
/** Debian's chromium package; a test never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VENUE = 'BLK-PORTAL';
const PHONE = '+6281200077001';
/** A sample person of Kota Bandung (3273 05), born 12-03-1985, a man: digits 7-12 are 120385. */
const PERSON = { name: 'Peserta Portal Browser', nik: '3273051203850077', birthDate: '1985-03-12' };
/** Set (e.g. to docs) to keep screenshots of the pages on a phone-sized screen, as the README shows them. */
const SCREENSHOTS_DIR = process.env.PORTAL_SCREENSHOTS_DIR;
const screenshot = async (page: Page, name: string) => {
  if (SCREENSHOTS_DIR) await page.screenshot({ path: join(resolve(REPO, SCREENSHOTS_DIR), `${name}.png`), fullPage: true });
};

/**
 * A participant in a real browser (headless Chromium driven by playwright-core) against the real system: every
 * service a process over Kafka and PostgreSQL, the gateway serving the built portal and its embedded sign-in, the SMS
 * sink carrying the one-time code.
 */
describe('the participant portal in a browser (Chromium, gateway, all services, Kafka, PostgreSQL, message sinks)', () => {
  let prefix: string;
  let sinks: MessageSinks;
  let services: ServiceProcesses;
  let gatewayUrl: string;
  let webDir: string;
  let browser: Browser;
  let programmeId: string;
  let batchId: string;

  const url = (service: 'program' | 'enrollment' | 'venue-capacity' | 'instructor-module', path: string) => `${services.url(service)}${path}`;

  async function query(service: 'program' | 'enrollment', sql: string, params: unknown[]): Promise<void> {
    const client = new Client({ connectionString: services.databaseUrl(service) });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'sinergi-portal-web-'));
    const vite = join(REPO, 'node_modules/vite/bin/vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', '--config', join(REPO, 'services/web/vite.config.mjs'), '--outDir', webDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`the web build failed: ${build.stderr}`);

    const port = await freePort();
    gatewayUrl = `http://127.0.0.1:${port}`;
    prefix = await createTopicNamespace();
    sinks = await startMessageSinks();
    services = await ServiceProcesses.start(['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification'], prefix, {
      ...sinks.env(),
      BATCH_REPLY_TIMEOUT_MS: '60000',
      NOTIFICATION_RETRY_BASE_MS: '200',
      NOTIFICATION_RETRY_MAX_MS: '1000',
      PORTAL_PUBLIC_URL: `${gatewayUrl}/portal`,
    });
    // The gateway serves the built portal and signs participants in with its embedded provider (no OIDC_ISSUER).
    await services.add(
      'gateway',
      {
        HTTP_HOST: '127.0.0.1',
        GATEWAY_PUBLIC_URL: gatewayUrl,
        WEB_DIST_DIR: webDir,
        PROGRAM_URL: services.url('program'),
        ENROLLMENT_URL: services.url('enrollment'),
        VENUE_CAPACITY_URL: services.url('venue-capacity'),
        INSTRUCTOR_MODULE_URL: services.url('instructor-module'),
        NOTIFICATION_URL: services.url('notification'),
      },
      port,
    );

    programmeId = await signAndLaunch(
      { program: url('program', ''), instructors: url('instructor-module', '') },
      { selectionPolicy: 'first-come-first-served', classDays: 3, classSize: 4, reservesPerClass: 1, minimumQuorum: 1, confirmByDaysBeforeStart: 3 },
    );
    const urls = setupUrlsOf(services);
    batchId = await planClassAtSampleVenue(
      urls,
      programmeId,
      { venueCode: VENUE, provinceCode: '32', seats: 20, name: 'BLK Contoh Portal', city: 'Kota Bandung' },
      { externalRef: 'E2E-PORTAL', fullName: 'Instruktur Portal', phone: '+6281200077900' },
    );
    await waitUntilSeatsOpen(urls, [batchId], 60_000);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
    await sinks?.close();
    if (prefix) await deleteTopicNamespace(prefix);
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  async function fillRegistration(page: Page, nik: string): Promise<void> {
    await page.fill('#nik', nik);
    await page.fill('#fullName', PERSON.name);
    await page.fill('#birthDate', PERSON.birthDate);
    await page.selectOption('#gender', 'M');
    await page.fill('#phone', PHONE);
    await page.selectOption('#provinceCode', '32');
    await page.selectOption('#scale', 'micro');
    await page.fill('#sector', 'kuliner');
    await page.click('button[type=submit]');
  }

  it('registers, signs in with the SMS code, enrolls, confirms, and downloads a certificate whose QR link verifies on the public page', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    const page = await context.newPage();

    // Registration: a NIK whose birth digits say 13-03-1985 is explained in plain Bahasa Indonesia next to its field.
    await page.goto(`${gatewayUrl}/portal/register`);
    await fillRegistration(page, '3273051303850077');
    const nikErrors = page.locator('ul[data-field=nik] li');
    await nikErrors.first().waitFor();
    expect(await nikErrors.allTextContents()).toEqual([
      'Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sama dengan tanggal lahir yang Anda isi. Salah satunya keliru: periksa KTP Anda.',
    ]);
    expect(await page.getAttribute('#nik', 'aria-invalid')).toBe('true');
    await screenshot(page, 'portal-register');
    await fillRegistration(page, PERSON.nik);
    await page.getByRole('heading', { name: 'Pendaftaran berhasil' }).waitFor();

    // Sign in: the gateway's page asks for the phone, the code arrives in the SMS sink.
    await page.getByRole('button', { name: 'Masuk sekarang' }).click();
    await page.fill('#identifier', PHONE);
    await page.click('form[action$="/participant"] button[type=submit]');
    const code = await waitFor('the sign-in code in the SMS sink', () => {
      const sent = sinks.providerMessagesTo(PHONE).map((message) => /Kode masuk Anda: (\d{6})/.exec(message.text)?.[1]);
      return sent.find((found) => found !== undefined);
    }, { timeoutMs: 90_000 });
    await page.fill('#code', code);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Pendaftaran saya' }).waitFor();
    expect(page.url()).toBe(`${gatewayUrl}/portal/`);

    // Enroll in the named class of the programme, then confirm the seat.
    await page.getByRole('link', { name: 'Daftar ke program' }).click();
    await page.getByLabel(/Pelatihan Kewirausahaan Mei/).check();
    await page.getByLabel(new RegExp(`Kelas ${VENUE}`)).check();
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForURL(/\/portal\/enrollments\/[0-9a-f-]{36}$/);
    const enrollmentId = page.url().split('/').pop()!;
    await waitFor('the identity check and the seat', async () => {
      await page.reload();
      return (await page.locator('dd.status').getAttribute('data-status')) === 'selected';
    }, { timeoutMs: 90_000, intervalMs: 1_000 });
    await page.getByRole('button', { name: 'Konfirmasi kursi saya' }).click();
    await page.getByText('Kursi Anda terkonfirmasi. Sampai jumpa di kelas!').waitFor();
    expect(await page.locator('dd.status').getAttribute('data-status')).toBe('confirmed');

    // The class's days pass, as the calendar would move them: attendance each day, then program completes the class.
    const days = [-3, -2, -1].map((offset) => addDays(todayInWib(), offset));
    const moveDates = (service: 'program' | 'enrollment') =>
      query(service, 'UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, days[0], days[2], days]);
    await moveDates('enrollment');
    for (const day of days)
      await expectCreated<ClassRegisterView>('PUT', url('enrollment', `/batches/${batchId}/attendance/${day}`), { records: [{ enrollmentId, present: true }] });
    await moveDates('program');
    const certificate = await waitFor(
      'the certificate',
      async () => {
        const response = await call<EnrollmentDocumentView>('GET', url('enrollment', `/enrollments/${enrollmentId}/certificate`));
        return response.status === 200 && response.body;
      },
      { timeoutMs: 60_000 },
    );

    // The download is the PDF, and its QR code is the public verification page of the portal.
    await page.reload();
    await page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).waitFor();
    await screenshot(page, 'portal-enrollment');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`sertifikat-${certificate.number.replace(/\//g, '-')}.pdf`);
    const printed = await readPdf(await readFile((await download.path())!));
    const verificationUrl = `${gatewayUrl}/portal/verify/${certificate.verificationCode}`;
    expect(printed.qrCodes).toEqual([verificationUrl]);
    expect(printed.text).toContain(PERSON.name);
    expect(printed.text).not.toContain(PERSON.nik);

    // Anyone, signed in or not, opens the QR code's link and sees the certificate is genuine.
    const stranger = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const publicPage = await stranger.newPage();
    await publicPage.goto(printed.qrCodes[0]);
    const verified = publicPage.getByTestId('verified');
    await verified.waitFor();
    expect(await verified.textContent()).toContain('Sertifikat ini asli');
    expect(await verified.textContent()).toContain(PERSON.name);
    expect(await verified.textContent()).toContain(certificate.number);
    await screenshot(publicPage, 'portal-verify');
    await publicPage.goto(`${gatewayUrl}/portal/verify/ZZZZZZZZZZ`);
    await publicPage.getByText('Tidak ada sertifikat dengan kode ini. Periksa lagi kode di sertifikat.').waitFor();

    // Every message about the enrollment links to its page on the portal: at least the seat and the certificate (the
    // "received" notice is superseded by the seat given at once, and is never sent).
    await waitFor('the certificate message', () => sinks.providerMessagesTo(PHONE).some((message) => message.text.includes('Unduh sertifikat Anda (PDF)')), { timeoutMs: 60_000 });
    const aboutTheEnrollment = sinks.providerMessagesTo(PHONE).filter((message) => !/Kode masuk Anda/.test(message.text));
    expect(aboutTheEnrollment.length).toBeGreaterThanOrEqual(2);
    for (const message of aboutTheEnrollment) expect(message.text).toContain(`${gatewayUrl}/portal/enrollments/${enrollmentId}`);
    await stranger.close();
    await context.close();
  }, 300_000);
});
