import { readFileSync } from 'node:fs';
import { README, readmeWithAccessTable } from './access-table';

describe('the README access table', () => {
  it('is the one in libs/contracts (run npm run access-table after changing it)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readmeWithAccessTable(readme)).toBe(readme);
  });
});
