import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessTableMarkdown } from '@sinergi/contracts';

/** The README's copy of the access table (libs/contracts), between its markers. */
export const README = join(__dirname, '../../README.md');
export const BEGIN = '<!-- access-table:begin (npm run access-table) -->';
export const END = '<!-- access-table:end -->';

export function readmeWithAccessTable(readme: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${BEGIN} ... ${END} block`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${accessTableMarkdown()}\n${readme.slice(end)}`;
}

export function writeAccessTable(): void {
  writeFileSync(README, readmeWithAccessTable(readFileSync(README, 'utf8')));
}
