import { Conflict, InvalidInput } from './domain-errors';
import { recordProblemsOf, recordRefusals } from './record-problems';

describe('record problems', () => {
  const invalid = new InvalidInput([
    { field: 'nik', rule: 'nik-digits', message: 'must be exactly 16 digits' },
    { field: 'phone', rule: 'indonesian-mobile' },
  ]);

  it('publish each field error with its sentence as the rule, or the rule when it has none', () => {
    expect(recordProblemsOf(invalid)).toEqual([
      { field: 'nik', rule: 'must be exactly 16 digits' },
      { field: 'phone', rule: 'indonesian-mobile' },
    ]);
    expect(recordProblemsOf(invalid, '/')[0].field).toBe('/nik');
  });

  it('are none when the record is applied, the domain error’s when it is refused, and anything else is thrown on', async () => {
    await expect(recordRefusals(async () => undefined)).resolves.toEqual([]);
    await expect(recordRefusals(() => Promise.reject(new Conflict({ field: 'version', rule: 'not-older', message: 'is stale' })), '/')).resolves.toEqual([
      { field: '/version', rule: 'is stale' },
    ]);
    await expect(recordRefusals(() => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
  });
});
