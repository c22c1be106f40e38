import { join } from 'node:path';
import { DEFAULT_PARAMETERS, type ScenarioParameters } from './parameters';
import type { ScenarioReport } from './report';
import { runScenario } from './run-scenario';

/** The May programme at a small size: the same code as `npm run scenario`, every service a process over Kafka and PostgreSQL. */
describe('the scenario, reduced (3 provinces, 12 classes, 200 participants)', () => {
  const parameters: ScenarioParameters = {
    ...DEFAULT_PARAMETERS,
    provinces: 3,
    classes: 12,
    participants: 200,
    initialTarget: 96,
    lotteryClasses: 1,
    lotteryPool: 24,
    noShowShare: 0.05,
    absentShare: 0.1,
    nominationBatchSize: 40,
    concurrency: 8,
  };
  let report: ScenarioReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runScenario(parameters, { logDirectory: join(__dirname, '..', '..', '..', '..', '.cache', 'scenario-test', 'logs'), progress: (line) => {
        lines.push(line);
        process.stdout.write(`${line}\n`);
      },
    });
  }, 600_000);

  it('holds every invariant', () => {
    expect(report.invariants.filter((invariant) => !invariant.holds)).toEqual([]);
    expect(report.invariants.map((invariant) => invariant.name)).toEqual([
      'no class over capacity',
      'no room double-booked',
      'no instructor double-booked',
      'no participant in two classes of a programme',
      'every participant told every critical thing exactly once',
      'no NIK in any log or on any public topic',
      'the counts add up',
    ]);
    expect(report.holds).toBe(true);
  });

  it('runs every phase and shows each on a progress line', () => {
    const names = report.phases.map((phase) => phase.name);
    expect(names).toEqual(['start', 'agreements', 'programmes', 'catalogue', 'planning', 'registration', 'seating', 'lottery', 'confirmation', 'expiry and promotion', 'quorum', 'reminders', 'class days', 'closing', 'deliveries', 'invariants']);
    expect(lines).toHaveLength(names.length - 1);
  });

  it('takes every participant through: half nominated, half on their own, a lottery over a larger pool, seats expired and reserves promoted', () => {
    const counts = Object.fromEntries(report.phases.map((phase) => [phase.name, phase.counts]));
    expect(counts.registration).toMatchObject({ nominated: 100, nominationsAccepted: 100, nominationsRejected: 0, selfService: 100 });
    expect(counts.lottery).toMatchObject({ pool: 24, selected: 16 });
    expect(counts.lottery.reserved + counts.lottery.notSelected).toBe(8);
    expect(counts['expiry and promotion'].expired).toBeGreaterThan(0);
    expect(counts['expiry and promotion'].promotedConfirmed).toBe(counts['expiry and promotion'].promoted);
    expect(counts['class days'].seated).toBe(report.certificates.certificates + report.certificates.letters);
    expect(report.certificates.letters).toBeGreaterThan(0);
  });

  it('counts what happened per state, per province and per channel', () => {
    const enrolled = (figures: Record<string, number>) => Object.values(figures).reduce((a, b) => a + b, 0);
    expect(enrolled(report.enrollments.main)).toBe(200);
    expect(enrolled(report.enrollments.lottery)).toBe(24);
    expect(report.provinces.map((line) => line.provinceCode)).toEqual(['32', '12', '33']);
    expect(report.provinces.reduce((sum, line) => sum + line.participants, 0)).toBe(200);
    expect(report.classes.main.closed).toBe(report.phases.find((phase) => phase.name === 'closing')!.counts.closed - report.classes.lottery.closed);
    expect(report.messages.byChannel.email).toBeGreaterThan(0);
    expect((report.messages.byChannel.whatsapp ?? 0) + (report.messages.byChannel.sms ?? 0)).toBeGreaterThan(0);
    expect(report.messages.criticalEvents).toBeGreaterThan(224);
  });
});
