import { EntityManager, QueryFailedError } from 'typeorm';
import { Conflict, InvalidInput } from './domain-errors';
import { recordProblemsOf, recordRefusals, refusalOf } from './record-problems';

function databaseError(code: string, column?: string): QueryFailedError {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error('value "3201234567890001" is too long'), { code, column }));
}

describe('record problems', () => {
  const invalid = new InvalidInput([
    { field: 'nik', rule: 'nik-digits', message: 'must be exactly 16 digits' },
    { field: 'phone', rule: 'indonesian-mobile' },
  ]);
  const queries: string[] = [];
  const manager = { query: async (sql: string) => void queries.push(sql) } as unknown as EntityManager;

  it('publish each field error with its sentence as the rule, or the rule when it has none', () => {
    expect(recordProblemsOf(invalid)).toEqual([
      { field: 'nik', rule: 'must be exactly 16 digits' },
      { field: 'phone', rule: 'indonesian-mobile' },
    ]);
    expect(recordProblemsOf(invalid, '/')[0].field).toBe('/nik');
  });

  it('name the column and SQLSTATE of a database error a retry would meet again, never its message', () => {
    expect(refusalOf(databaseError('22001', 'full_name'), '/')).toEqual([{ field: '/full_name', rule: 'the database refused the record (SQLSTATE 22001)' }]);
    expect(refusalOf(databaseError('22021'))).toEqual([{ field: 'record', rule: 'the database refused the record (SQLSTATE 22021)' }]);
    expect(refusalOf(databaseError('40P01'))).toBeUndefined();
    expect(refusalOf(new TypeError('a bug'))).toBeUndefined();
  });

  it('are none when the record is applied, the refusal’s when it is refused (undone to a savepoint), and anything else is thrown on', async () => {
    await expect(recordRefusals(manager, async () => undefined)).resolves.toEqual([]);
    queries.length = 0;
    await expect(recordRefusals(manager, () => Promise.reject(new Conflict({ field: 'version', rule: 'not-older', message: 'is stale' })), '/')).resolves.toEqual([
      { field: '/version', rule: 'is stale' },
    ]);
    expect(queries).toEqual(['SAVEPOINT inbound_record', 'ROLLBACK TO SAVEPOINT inbound_record']);
    await expect(recordRefusals(manager, () => Promise.reject(databaseError('23514')))).resolves.toHaveLength(1);
    await expect(recordRefusals(manager, () => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
  });
});
