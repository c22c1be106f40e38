import { recordRefOf } from './nomination.rules';

describe('nomination rules', () => {
  it('names a record by its recordRef, or by its place when it has none', () => {
    expect(recordRefOf({ recordRef: 'PLUT-7' }, 3)).toBe('PLUT-7');
    expect(recordRefOf({ recordRef: '' }, 3)).toBe('records[3]');
    expect(recordRefOf({ recordRef: 'PLUT\u00007' }, 3)).toBe('records[3]');
    expect(recordRefOf('not a record', 4)).toBe('records[4]');
  });
});
