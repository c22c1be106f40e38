import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const ASYNCAPI_YAML = join(ROOT, 'libs/contracts/asyncapi.yaml');
// The installed template's directory, not its package name: the generator would otherwise try to install it.
const TEMPLATE_DIR = join(ROOT, 'node_modules/@asyncapi/html-template');
const HTML_DIR = join(ROOT, '.cache/asyncapi');
const SOURCE_HASH_FILE = join(HTML_DIR, 'source.sha256');

/** The rendered AsyncAPI document that the gateway serves at `/asyncapi`. */
export const ASYNCAPI_HTML_FILE = join(HTML_DIR, 'index.html');

function sourceHash(): string {
  return createHash('sha256').update(readFileSync(ASYNCAPI_YAML)).digest('hex');
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
  await new Generator(TEMPLATE_DIR, staging, { forceWrite: true, install: false, templateParams: { singleFile: 'true' } }).generateFromFile(
    ASYNCAPI_YAML,
  );
  writeFileSync(join(staging, 'source.sha256'), hash);
  rmSync(HTML_DIR, { recursive: true, force: true });
  renameSync(staging, HTML_DIR);
  return { rendered: true };
}
