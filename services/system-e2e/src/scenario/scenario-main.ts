import { join } from 'node:path';
import { exportTestInfrastructure, provideTestInfrastructure } from '@sinergi/testing';
import { ParameterError, parametersFrom } from './parameters';
import { describeReport, writeReport } from './report';
import { runScenario } from './run-scenario';

const ROOT = join(__dirname, '..', '..', '..', '..');
const OUTPUT = join(ROOT, '.cache', 'scenario');

/**
 * `npm run scenario` (run.js passes the command's name first, then the flags) [-- --participants 2000 ...]`: the May programme on a fresh system, on the broker and database the
 * tests use (KAFKA_BROKERS and DATABASE_URL, or the local ones started here). Prints the report, writes it to
 * .cache/scenario/report.json, and exits 1 when an invariant fails.
 */
async function main(): Promise<void> {
  const parameters = parametersFrom(process.argv.slice(3), process.env);
  const infrastructure = await provideTestInfrastructure();
  exportTestInfrastructure(infrastructure);
  process.stdout.write(`[scenario] ${infrastructure.describe}\n[scenario] ${JSON.stringify(parameters)}\n`);
  try {
    const report = await runScenario(parameters, { logDirectory: join(OUTPUT, 'logs'), progress: (line) => process.stdout.write(`${line}\n`) });
    writeReport(report, join(OUTPUT, 'report.json'));
    process.stdout.write(`\n${describeReport(report)}\n\nreport: ${join(OUTPUT, 'report.json')}\n`);
    process.exitCode = report.holds ? 0 : 1;
  } finally {
    await infrastructure.stop();
  }
}

void main()
  .catch((error: Error) => {
    process.stderr.write(`${error instanceof ParameterError ? error.message : (error.stack ?? error.message)}\n`);
    process.exitCode = 1;
  })
  // Kafka clients and timers of a failed run may linger: the run is over either way.
  .finally(() => process.exit());
