import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASYNCAPI_HTML_FILE } from '@sinergi/contracts';
import { ASYNCAPI_PATH } from './asyncapi';

// The installed template's directory, not its package name: the generator would otherwise try to install it.
const TEMPLATE_DIR = join(__dirname, '../../node_modules/@asyncapi/html-template');
const HTML_DIR = dirname(ASYNCAPI_HTML_FILE);
const SOURCE_HASH_FILE = join(HTML_DIR, 'source.sha256');

function sourceHash(): string {
  return createHash('sha256').update(readFileSync(ASYNCAPI_PATH)).digest('hex');
}

/**
 * Renders `asyncapi.yaml` to one self-contained HTML page (styles and scripts inline) with
 * @asyncapi/html-template, unless the page already renders the current document: a render takes about 40 s.
 */
export async function ensureAsyncApiHtml(): Promise<{ rendered: boolean }> {
  const hash = sourceHash();
  if (existsSync(SOURCE_HASH_FILE) && readFileSync(SOURCE_HASH_FILE, 'utf8') === hash) return { rendered: false };
  const staging = `${HTML_DIR}.rendering`;
  rmSync(staging, { recursive: true, force: true });
  // Loaded only when a render is due: a development dependency, and slow to load.
  const { default: Generator } = await import('@asyncapi/generator');
  await new Generator(TEMPLATE_DIR, staging, { forceWrite: true, install: false, templateParams: { singleFile: 'true' } }).generateFromFile(ASYNCAPI_PATH);
  writeFileSync(join(staging, 'source.sha256'), hash);
  rmSync(HTML_DIR, { recursive: true, force: true });
  renameSync(staging, HTML_DIR);
  return { rendered: true };
}

if (require.main === module || process.argv[2] === 'asyncapi:html') {
  ensureAsyncApiHtml().then(
    ({ rendered }) => process.stdout.write(`${rendered ? 'rendered' : 'up to date:'} ${ASYNCAPI_HTML_FILE}\n`),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
