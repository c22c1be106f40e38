import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParticipantView, Principal } from '@sinergi/contracts';
import { MessageSinks, startMessageSinks, TestIssuer, waitFor } from '@sinergi/testing';
import { planClassAtSampleVenue, setupUrlsOf, signAndLaunch, waitUntilSeatsOpen } from '../../services/system-e2e/src/programme-setup';
import { RunningSystem } from '../../services/system-e2e/src/running-system';

const CLASS_SIZE = 100;
const PROVINCE = '32';
/** Beyond any bench's people. */
const WARM_UP_PERSON = 28 * 9_998 - 1;

/** A sample person, not a real one: a NIK of Kota Bandung (3273 05) whose digits 7-12 are the birth date. */
export interface SamplePerson {
  index: number;
  nik: string;
  birthDate: string;
  phone: string;
}

/** Up to 28 x 9,998 distinct people: serial 9999 is the one the stub identity registry does not match. */
export function samplePerson(index: number): SamplePerson {
  const day = String(1 + Math.floor(index / 9_998)).padStart(2, '0');
  const serial = String(1 + (index % 9_998)).padStart(4, '0');
  return { index, nik: `327305${day}0385${serial}`, birthDate: `1985-03-${day}`, phone: `+62813${String(index).padStart(8, '0')}` };
}

/** The notification texts (language id) that tell a participant the outcome of their enrollment, by outcome. */
const DECISIONS = {
  selected: 'Lakukan daftar ulang paling lambat',
  waitlisted: 'daftar cadangan',
  'not-selected': 'sudah terisi',
  rejected: 'belum memenuhi syarat',
};
export type Decision = keyof typeof DECISIONS;

/** The person's first decision message the sinks caught: its outcome and when (ms since the epoch). */
export function decisionOf(sinks: MessageSinks, person: SamplePerson): { decision: Decision; deliveredAt: number } | undefined {
  for (const message of sinks.providerMessagesTo(person.phone)) {
    const decision = (Object.keys(DECISIONS) as Decision[]).find((outcome) => message.text.includes(DECISIONS[outcome]));
    if (decision) return { decision, deliveredAt: Date.parse(message.receivedAt) };
  }
  return undefined;
}

/** How many of the people got each outcome. */
export function countDecisions(sinks: MessageSinks, people: SamplePerson[]): Partial<Record<Decision, number>> {
  const counts: Partial<Record<Decision, number>> = {};
  for (const person of people) {
    const found = decisionOf(sinks, person);
    if (found) counts[found.decision] = (counts[found.decision] ?? 0) + 1;
  }
  return counts;
}

/**
 * All six services as processes behind the gateway, which trusts a TestIssuer: participants register through the
 * public API without a token and then enroll with an access token the issuer mints for their participant id (the
 * token a one-time-code sign-in would end in, without the sign-in's own cost). One first-come-first-served programme
 * with classes of 100 seats in Jawa Barat, enough for `seats`.
 */
export class EnrollmentSystem {
  private constructor(
    readonly system: RunningSystem,
    readonly sinks: MessageSinks,
    private readonly issuer: TestIssuer,
    readonly programmeId: string,
    private readonly section: string,
  ) {}

  /** `section`: the bench section it runs for, naming the file its services' output is kept in. */
  static async start(seats: number, section: string): Promise<EnrollmentSystem> {
    const sinks = await startMessageSinks();
    const issuer = await TestIssuer.start();
    const system = await RunningSystem.start(
      ['program', 'enrollment', 'venue-capacity', 'instructor-module', 'notification', 'gateway'],
      { ...sinks.env(), BATCH_REPLY_TIMEOUT_MS: '60000' },
      // Every sample person calls from 127.0.0.1: the per-client limits would stop the surge at the first few.
      { OIDC_ISSUER: issuer.issuer, RATE_LIMIT_PER_MINUTE: '1000000', SENSITIVE_RATE_LIMIT_PER_MINUTE: '1000000', HTTP_HOST: '127.0.0.1' },
    );
    const url = (service: Parameters<RunningSystem['url']>[0], path: string) => `${system.url(service)}${path}`;
    const programmeId = await signAndLaunch(
      { program: url('program', ''), instructors: url('instructor-module', '') },
      { selectionPolicy: 'first-come-first-served', classDays: 3, classSize: CLASS_SIZE, reservesPerClass: 0, minimumQuorum: 5, confirmByDaysBeforeStart: 3 },
    );
    // One seat more, for the warm-up enrollment.
    const classes = Math.ceil((seats + 1) / CLASS_SIZE);
    const urls = setupUrlsOf(system);
    const batchIds: string[] = [];
    for (let index = 0; index < classes; index += 1) {
      const venue = { venueCode: `BLK-BENCH-${index}`, provinceCode: PROVINCE, seats: CLASS_SIZE, name: `BLK Contoh ${index}`, city: 'Kota Bandung' };
      batchIds.push(await planClassAtSampleVenue(urls, programmeId, venue, { externalRef: `BENCH-${index}`, fullName: `Instruktur Contoh ${index}` }));
    }
    await waitUntilSeatsOpen(urls, batchIds, 120_000);
    const started = new EnrollmentSystem(system, sinks, issuer, programmeId, section);
    await started.warmUp();
    return started;
  }

  /** One enrollment through to its decision message before anything is measured: every consumer has its partitions. */
  private async warmUp(): Promise<void> {
    const person = samplePerson(WARM_UP_PERSON);
    await this.enroll(person, await this.register(person));
    await waitFor('the warm-up decision message', () => decisionOf(this.sinks, person) !== undefined, { timeoutMs: 120_000 });
  }

  private api(path: string): string {
    return `${this.system.url('gateway')}/api/v1${path}`;
  }

  /** POST /api/v1/participants without a token, as the portal's registration form does; the participant's principal. */
  async register(person: SamplePerson): Promise<Principal> {
    const response = await fetch(this.api('/participants'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-register-${person.index}` },
      body: JSON.stringify({
        nik: person.nik,
        fullName: `Peserta Contoh ${person.index}`,
        birthDate: person.birthDate,
        gender: 'M',
        phone: person.phone,
        language: 'id',
        provinceCode: PROVINCE,
        business: { scale: 'micro', sector: 'kuliner' },
      }),
    });
    const body = (await response.json()) as ParticipantView;
    if (response.status !== 201) throw new Error(`registering sample person ${person.index} answered ${response.status}: ${JSON.stringify(body)}`);
    return { subject: `participant-${body.id}`, roles: ['participant'], venueCodes: [], participantId: body.id };
  }

  /** POST /api/v1/me/enrollments as the participant. */
  async enroll(person: SamplePerson, participant: Principal): Promise<void> {
    const response = await fetch(this.api('/me/enrollments'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-enroll-${person.index}`, ...(await this.issuer.authorization(participant)) },
      body: JSON.stringify({ programmeId: this.programmeId }),
    });
    if (response.status !== 201) throw new Error(`enrolling sample person ${person.index} answered ${response.status}: ${await response.text()}`);
  }

  async stop(): Promise<void> {
    keepOutput(this.system, this.section);
    await this.system.stop();
    await this.sinks.close();
    await this.issuer.stop();
  }
}

/** Where the services' output of a section's system is kept, for a failure to be looked into. */
export function serviceOutputFile(section: string): string {
  return join(__dirname, `../../.cache/bench/services-${section}.log`);
}

export function keepOutput(system: RunningSystem, section: string): void {
  mkdirSync(dirname(serviceOutputFile(section)), { recursive: true });
  writeFileSync(serviceOutputFile(section), `${system.output().join('\n')}\n`);
}

/** Runs `task` over the items with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}
