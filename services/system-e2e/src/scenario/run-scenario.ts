import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeClasses, checkQuorum, holdClasses, sendReminders, settleDeliveries } from './class-phases';
import { countsAddUp, noClassOverCapacity, noDoubleBooking, noNikLeaked, onePlacePerProgramme, toldExactlyOnce } from './invariants';
import type { ScenarioParameters } from './parameters';
import { confirmSeats, drawLottery, expireAndPromote, lotteryPopulation, mainPopulation, registerAndEnroll, untilIdentityChecked } from './participant-phases';
import type { Person } from './population';
import { gatherFigures, type PhaseRecord, type ScenarioReport } from './report';
import { ScenarioSystem } from './scenario-system';
import { launchProgrammes, newState, type PhaseCounts, planClasses, registerCatalogue, signAgreements, type ScenarioState } from './setup-phases';

export interface ScenarioOptions {
  /** Where the services' logs are written (and then searched for NIKs). */
  logDirectory: string;
  /** One line per phase as it ends. */
  progress: (line: string) => void;
}

/** Runs the May programme through on a fresh system (its own databases and topics) and answers the report. */
export async function runScenario(parameters: ScenarioParameters, options: ScenarioOptions): Promise<ScenarioReport> {
  const startedAt = new Date();
  const phases: PhaseRecord[] = [];
  const phase = async (name: string, work: () => Promise<PhaseCounts>): Promise<PhaseCounts> => {
    const started = Date.now();
    const counts = await work();
    const record = { name, seconds: (Date.now() - started) / 1000, counts };
    phases.push(record);
    options.progress(`[scenario] ${name}: ${Object.entries(counts).map(([key, value]) => `${key} ${value}`).join(', ')} (${record.seconds.toFixed(1)} s)`);
    return counts;
  };

  let system: ScenarioSystem | undefined;
  await phase('start', async () => {
    system = await ScenarioSystem.start();
    return { services: 6 };
  });
  const state = newState(parameters, system!);
  try {
    await phase('agreements', () => signAgreements(state));
    await phase('programmes', () => launchProgrammes(state));
    await phase('catalogue', () => registerCatalogue(state));
    await phase('planning', () => planClasses(state));
    const people = mainPopulation(state);
    const pool = lotteryPopulation(state);
    await phase('registration', () => registerAndEnroll(state, people));
    await phase('seating', () => untilIdentityChecked(state, state.mainProgrammeId!, people.length));
    await phase('lottery', () => drawLottery(state, pool));
    const everyone = [...people, ...pool];
    await phase('confirmation', () => confirmSeats(state, everyone));
    await phase('expiry and promotion', () => expireAndPromote(state));
    await phase('quorum', () => checkQuorum(state));
    await phase('reminders', () => sendReminders(state));
    const held = await phase('class days', () => holdClasses(state, everyone));
    await phase('closing', () => closeClasses(state));
    await phase('deliveries', () => settleDeliveries(state));

    const started = Date.now();
    const report = await check(state, everyone, held, options.logDirectory);
    phases.push({ name: 'invariants', seconds: (Date.now() - started) / 1000, counts: { checked: report.invariants.length } });
    return { ...report, parameters, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), seconds: (Date.now() - startedAt.getTime()) / 1000, phases };
  } finally {
    await system?.stop();
  }
}

async function check(state: ScenarioState, everyone: Person[], held: PhaseCounts, logDirectory: string): Promise<Omit<ScenarioReport, 'parameters' | 'startedAt' | 'finishedAt' | 'seconds' | 'phases'>> {
  const { system } = state;
  const figures = await gatherFigures(state);
  const logFile = writeLogs(system, logDirectory);
  const told = await toldExactlyOnce(state);
  const main = figures.enrollments.main;
  const lottery = figures.enrollments.lottery;
  const total = (figures: Record<string, number>) => Object.values(figures).reduce((a, b) => a + b, 0);
  const invariants = [
    await noClassOverCapacity(state),
    ...(await noDoubleBooking(state)),
    await onePlacePerProgramme(state),
    told.invariant,
    noNikLeaked(everyone, {
      'service logs': [readFileSync(logFile, 'utf8')],
      'public topics': system.collector.messages.map((message) => String(message.value)),
      'messages sent': [...system.sinks.allProviderMessages().map((message) => message.text), ...system.sinks.allEmails().map((email) => email.text)],
    }),
    countsAddUp([
      { what: 'main programme enrollments', expected: everyone.length - state.parameters.lotteryPool, actual: total(main) },
      { what: 'lottery programme enrollments', expected: state.parameters.lotteryPool, actual: total(lottery) },
      { what: 'documents issued to the seated', expected: held.seated, actual: figures.certificates.certificates + figures.certificates.letters },
      { what: 'documents announced on the topic', expected: held.certificates + held.letters, actual: figures.certificates.certificates + figures.certificates.letters },
      { what: 'deliveries left pending', expected: 0, actual: figures.messages.deliveriesByStatus.pending ?? 0 },
      { what: 'deliveries failed', expected: 0, actual: figures.messages.deliveriesByStatus.failed ?? 0 },
    ]),
  ];
  return {
    ...figures,
    messages: { ...figures.messages, criticalEvents: told.critical },
    ordering: told.ordering,
    invariants,
    apiCalls: [...system.api.calls.values()].reduce((a, b) => a + b, 0),
    holds: invariants.every((invariant) => invariant.holds),
  };
}

/** The services' output of the run, one file: what an operator would keep as the run's log. */
function writeLogs(system: ScenarioSystem, directory: string): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'services.log');
  writeFileSync(file, `${system.running.output().join('\n')}\n`);
  return file;
}
