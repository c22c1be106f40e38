import { failureKindOf } from './failure-kind';

function postgresError(code: string): Error {
  return Object.assign(new Error(`postgres said ${code}`), { code });
}

/** What TypeORM throws: the driver's error as `driverError` (its fields copied onto the QueryFailedError too, but not always). */
function queryFailed(driverError: Error): Error {
  return Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });
}

describe('failureKindOf', () => {
  it.each([
    ['serialization failure', '40001'],
    ['deadlock', '40P01'],
    ['lock timeout', '55P03'],
    ['admin shutdown', '57P01'],
    ['crash shutdown', '57P02'],
    ['cannot connect now', '57P03'],
    ['too many connections', '53300'],
    ['connection failure', '08006'],
  ])('a %s (%s) is transient, thrown as is or wrapped by TypeORM', (_name, code) => {
    expect(failureKindOf(postgresError(code))).toBe('transient');
    expect(failureKindOf(queryFailed(postgresError(code)))).toBe('transient');
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'])('a lost socket (%s) is transient', (code) => {
    expect(failureKindOf(Object.assign(new Error('socket trouble'), { code }))).toBe('transient');
  });

  it('a connection node-postgres saw end mid-query is transient', () => {
    expect(failureKindOf(new Error('Connection terminated unexpectedly'))).toBe('transient');
  });

  it('a broker that is unavailable is transient; a retriable Kafka error too', () => {
    expect(failureKindOf(Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' }))).toBe('transient');
    expect(failureKindOf(Object.assign(new Error('There is no leader for this topic-partition'), { name: 'KafkaJSProtocolError', retriable: true }))).toBe('transient');
  });

  it('an error caused by a transient one is transient', () => {
    expect(failureKindOf(new Error('could not save', { cause: postgresError('40P01') }))).toBe('transient');
  });

  it.each([
    ['a unique violation', postgresError('23505')],
    ['a NUL in text', postgresError('22021')],
    ['a value too long', queryFailed(postgresError('22001'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a Kafka error that will not pass', Object.assign(new Error('Message too large'), { name: 'KafkaJSProtocolError', retriable: false })],
    ['not an error at all', 'a string'],
  ])('%s is permanent', (_name, error) => {
    expect(failureKindOf(error)).toBe('permanent');
  });
});
