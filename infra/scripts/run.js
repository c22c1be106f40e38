#!/usr/bin/env node
// Runs the TypeScript command-line tools under infra/scripts without a build step.
const { join } = require('node:path');

process.env.TS_NODE_PROJECT = join(__dirname, '../../tsconfig.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');

const commands = {
  up: './up.ts',
  down: './down.ts',
  bench: '../../bench/backbone.bench.ts',
  'create-topics': './create-topics.ts',
  asyncapi: './asyncapi.ts',
  redrive: './redrive.ts',
  'asyncapi:html': './asyncapi-html.ts',
  'internal-token-keys': './internal-token-keys.ts',
  'access-table': './write-access-table.ts',
  'http-schemas': './write-http-schemas.ts',
  'rebuild-read-models': '../../services/gateway/src/read-models/rebuild-main.ts',
  screenshots: '../../services/system-e2e/src/screenshots-main.ts',
  'plan-national': '../../bench/national-planning.ts',
  scenario: '../../services/system-e2e/src/scenario/scenario-main.ts',
};
const command = process.argv[2];
if (!commands[command]) {
  process.stderr.write(`usage: node infra/scripts/run.js <${Object.keys(commands).join('|')}>\n`);
  process.exit(2);
}
require(commands[command]);
