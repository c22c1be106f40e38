import { isExclusionViolation, isUniqueViolation } from './postgres-errors';

describe('PostgreSQL errors', () => {
  it('tells a unique violation from an exclusion violation and from anything else', () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    const exclusion = Object.assign(new Error('conflicting key value'), { code: '23P01' });
    expect([unique, exclusion, new Error('timeout'), null, undefined].map(isUniqueViolation)).toEqual([true, false, false, false, false]);
    expect([unique, exclusion, new Error('timeout'), null, undefined].map(isExclusionViolation)).toEqual([false, true, false, false, false]);
  });
});
