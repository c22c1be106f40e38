import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@sinergi/contracts';
import { type Log, repoRoot, runCommand } from './support';

/** Where `npm run build` writes the services' JavaScript, mirroring the repository's layout. */
export const BUILD_DIR = join(repoRoot, 'dist');
/** Written by `npm run build` once it has succeeded: its time is the build's. */
const BUILT_STAMP = join(BUILD_DIR, '.built');
/** What a build is made from (tests aside); anything under these newer than the stamp makes the build stale. */
const BUILD_INPUTS = ['services', 'libs/contracts/src', 'libs/messaging/src', 'libs/platform/src', 'tsconfig.base.json', 'tsconfig.build.json', 'package-lock.json'];
const NOT_BUILT = /(\.spec\.ts|\.int-spec\.ts|^system-e2e|^test)$/;

export function compiledMainOf(service: ServiceName): string {
  return join(BUILD_DIR, 'services', service, 'src', 'main.js');
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((entry) => !NOT_BUILT.test(entry))
    .reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** True when the last build succeeded and no input has changed since. */
export function buildIsFresh(): boolean {
  if (!existsSync(BUILT_STAMP)) return false;
  const built = statSync(BUILT_STAMP).mtimeMs;
  return BUILD_INPUTS.every((input) => newestChange(join(repoRoot, input)) <= built);
}

/**
 * `npm run build`: tsc (incremental) emits the services and the libraries they use to dist/, then tsc-alias rewrites
 * the `@sinergi/*` imports into relative ones, so `node dist/services/<name>/src/main.js` needs no loader; last it
 * writes the stamp.
 */
export async function buildServices(log: Log): Promise<void> {
  const started = Date.now();
  const result = await runCommand('npm', ['run', '--silent', 'build'], { cwd: repoRoot });
  if (result.code !== 0) throw new Error(`npm run build failed:\n${result.output}`);
  log(`built the services into ${BUILD_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** SINERGI_RUN_FROM_SOURCE=1: services run their TypeScript through ts-node, and nothing is built for them. */
export function runsFromSource(): boolean {
  return process.env.SINERGI_RUN_FROM_SOURCE === '1';
}

let building: Promise<void> | undefined;

/** Builds when dist/ is missing or older than its sources (once at a time in this process), unless services run from source. */
export async function ensureServicesBuilt(log: Log): Promise<void> {
  if (runsFromSource() || buildIsFresh()) return;
  log("the services' build is missing or stale: building (npm run build)");
  building ??= buildServices(log).finally(() => (building = undefined));
  await building;
}
