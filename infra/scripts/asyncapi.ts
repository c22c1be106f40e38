import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from '@sinergi/contracts';

export const ASYNCAPI_PATH = join(__dirname, '../../libs/contracts/asyncapi.yaml');

export function renderAsyncApi(): string {
  return `# Generated from libs/contracts by \`npm run asyncapi\`; edit the contracts, not this file.\n${stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

if (require.main === module || process.argv[2] === 'asyncapi') {
  writeFileSync(ASYNCAPI_PATH, renderAsyncApi());
  process.stdout.write(`wrote ${ASYNCAPI_PATH}\n`);
}
