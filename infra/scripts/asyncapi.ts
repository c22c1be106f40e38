import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { breakingChanges, buildAsyncApiDocument, schemaDocuments, serialiseSchema } from '@sinergi/contracts';

export const ASYNCAPI_PATH = join(__dirname, '../../libs/contracts/asyncapi.yaml');
/** The committed snapshot of every published schema: a v1 schema here may only change compatibly. */
export const SCHEMAS_DIR = join(__dirname, '../../libs/contracts/schemas');

export function renderAsyncApi(): string {
  return `# Generated from libs/contracts by \`npm run asyncapi\`; edit the contracts, not this file.\n${stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** The committed schema files by name. */
export function committedSchemas(): Map<string, unknown> {
  if (!existsSync(SCHEMAS_DIR)) return new Map();
  return new Map(
    readdirSync(SCHEMAS_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as unknown]),
  );
}

/** Every way the generated schemas break the committed ones: a schema dropped, or changed incompatibly. */
export function breaksOfCommittedSchemas(): string[] {
  const generated = schemaDocuments();
  return [...committedSchemas()].flatMap(([name, committed]) => {
    const next = generated.get(name);
    if (!next) return [`${name}: removed`];
    return breakingChanges(committed, next).map((change) => `${name} ${change}`);
  });
}

function writeSchemas(): void {
  const breaks = breaksOfCommittedSchemas();
  if (breaks.length > 0) {
    throw new Error(
      `refusing to write libs/contracts/schemas: these changes break published v1 schemas; publish the event on a new topic version instead:\n  ${breaks.join('\n  ')}`,
    );
  }
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const name of committedSchemas().keys()) rmSync(join(SCHEMAS_DIR, name));
  for (const [name, document] of schemaDocuments()) writeFileSync(join(SCHEMAS_DIR, name), serialiseSchema(document));
}

if (require.main === module || process.argv[2] === 'asyncapi') {
  writeSchemas();
  writeFileSync(ASYNCAPI_PATH, renderAsyncApi());
  process.stdout.write(`wrote ${ASYNCAPI_PATH} and ${SCHEMAS_DIR}\n`);
}
