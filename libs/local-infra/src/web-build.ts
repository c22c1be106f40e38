import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support';

/** The dashboard and portal sources (services/web) and where `npm run build:web` puts them for the gateway. */
export const WEB_SOURCES_DIR = join(repoRoot, 'services', 'web');
export const WEB_DIST_DIR = join(repoRoot, 'dist', 'web');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** Missing, or older than any file of services/web (or the libraries it takes from contracts). */
export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestChange(WEB_SOURCES_DIR), newestChange(join(repoRoot, 'libs', 'contracts', 'src', 'reference')));
  return sources > statSync(built).mtimeMs;
}

/** Builds the pages with Vite when they are missing or stale; throws when the build fails. */
export function ensureWebBuild(log: (line: string) => void): void {
  if (!webBuildIsStale()) return;
  log('building the dashboard and portal (npm run build:web)...');
  const vite = require.resolve('vite/bin/vite.js', { paths: [repoRoot] });
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(WEB_SOURCES_DIR, 'vite.config.mjs'), '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status ?? result.signal})`);
}
