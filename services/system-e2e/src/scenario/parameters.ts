/** How large the scenario runs, and how its people behave. Defaults: the May programme as issue 12 describes it. */
export interface ScenarioParameters {
  /** Provinces with training centres (at most 32: the Papua provinces, whose NIK and statistical codes differ, are left out). */
  provinces: number;
  /** Classes of the main programme, planned in one bulk request. */
  classes: number;
  /** Participants of the main programme: half nominated by institutions, half registering themselves. */
  participants: number;
  /** The main programme's target at launch; an amendment raises target and ceiling to classes x classSize. */
  initialTarget: number;
  classSize: number;
  reservesPerClass: number;
  minimumQuorum: number;
  classDays: number;
  /** Classes of the lottery programme (all in one province) and the size of its pool (more than its seats). */
  lotteryClasses: number;
  lotteryPool: number;
  /** Share of seated participants who let the confirm-by day pass (their seats expire and go to reserves). */
  noShowShare: number;
  /** Share of confirmed participants who miss two class days (a participation letter instead of a certificate). */
  absentShare: number;
  /** Records per nomination message (at most 2,000). */
  nominationBatchSize: number;
  /** HTTP requests the surge keeps in flight at once. */
  concurrency: number;
  /** Seed of the lottery draw, so that a run can be repeated. */
  seed: string;
}

export const DEFAULT_PARAMETERS: ScenarioParameters = {
  provinces: 22,
  classes: 625,
  participants: 10_000,
  initialTarget: 5_000,
  classSize: 16,
  reservesPerClass: 2,
  minimumQuorum: 8,
  classDays: 5,
  lotteryClasses: 2,
  lotteryPool: 60,
  noShowShare: 0.03,
  absentShare: 0.05,
  nominationBatchSize: 500,
  concurrency: 12,
  seed: 'sinergi-mei',
};

/** Bad parameters: the message names every one and its rule. */
export class ParameterError extends Error {}

const NAMES: Record<keyof ScenarioParameters, string> = {
  provinces: 'SCENARIO_PROVINCES',
  classes: 'SCENARIO_CLASSES',
  participants: 'SCENARIO_PARTICIPANTS',
  initialTarget: 'SCENARIO_INITIAL_TARGET',
  classSize: 'SCENARIO_CLASS_SIZE',
  reservesPerClass: 'SCENARIO_RESERVES_PER_CLASS',
  minimumQuorum: 'SCENARIO_MINIMUM_QUORUM',
  classDays: 'SCENARIO_CLASS_DAYS',
  lotteryClasses: 'SCENARIO_LOTTERY_CLASSES',
  lotteryPool: 'SCENARIO_LOTTERY_POOL',
  noShowShare: 'SCENARIO_NO_SHOW_SHARE',
  absentShare: 'SCENARIO_ABSENT_SHARE',
  nominationBatchSize: 'SCENARIO_NOMINATION_BATCH_SIZE',
  concurrency: 'SCENARIO_CONCURRENCY',
  seed: 'SCENARIO_SEED',
};

/** The flag of a parameter: `--lottery-pool` for lotteryPool. */
export function flagOf(name: keyof ScenarioParameters): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Parameters from flags (`--participants 2000` or `--participants=2000`), then the environment (SCENARIO_PARTICIPANTS),
 * then the defaults. Throws one error naming every bad value and the rule it breaks.
 */
export function parametersFrom(argv: string[], env: NodeJS.ProcessEnv, base: ScenarioParameters = DEFAULT_PARAMETERS): ScenarioParameters {
  const given = new Map<string, string>();
  const problems: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2);
    if (!flag.startsWith('--')) {
      problems.push(`${argv[index]}: not a flag (use --name value)`);
      continue;
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) problems.push(`${flag}: needs a value`);
    else given.set(flag, value);
  }
  const known = new Set((Object.keys(NAMES) as Array<keyof ScenarioParameters>).map(flagOf));
  for (const flag of given.keys()) if (!known.has(flag)) problems.push(`${flag}: unknown (known: ${[...known].join(', ')})`);

  const parameters = { ...base };
  for (const name of Object.keys(NAMES) as Array<keyof ScenarioParameters>) {
    const raw = given.get(flagOf(name)) ?? env[NAMES[name]];
    if (raw === undefined) continue;
    if (name === 'seed') {
      parameters.seed = raw;
      continue;
    }
    const value = Number(raw);
    const share = name === 'noShowShare' || name === 'absentShare';
    if (share ? !(value >= 0 && value < 1) : !(Number.isInteger(value) && value >= 1)) {
      problems.push(`${flagOf(name)} (${NAMES[name]}): ${share ? 'must be a share from 0 up to but not including 1' : 'must be a whole number of at least 1'}, got "${raw}"`);
      continue;
    }
    (parameters as Record<string, number | string>)[name] = value;
  }
  problems.push(...ruleProblems(parameters));
  if (problems.length > 0) throw new ParameterError(`scenario parameters:\n  ${problems.join('\n  ')}`);
  return parameters;
}

function ruleProblems(p: ScenarioParameters): string[] {
  const problems: string[] = [];
  if (p.provinces > 32) problems.push('--provinces: at most 32');
  if (p.classes < p.provinces) problems.push('--classes: at least one class per province (--provinces)');
  if (p.minimumQuorum > p.classSize) problems.push('--minimum-quorum: at most --class-size');
  if (p.initialTarget > p.classes * p.classSize) problems.push('--initial-target: at most --classes x --class-size, the ceiling it is raised to');
  if (p.lotteryPool <= p.lotteryClasses * p.classSize) problems.push('--lottery-pool: must be larger than the lottery seats (--lottery-classes x --class-size)');
  if (p.nominationBatchSize > 2000) problems.push('--nomination-batch-size: at most 2000 records per message');
  if (p.participants < 2) problems.push('--participants: at least 2 (half nominated, half self-service)');
  return problems;
}
