/**
 * Why a handler failed, as far as retrying goes: `transient` trouble (a lock, a lost connection, a broker
 * away) passes by itself, so the message waits for it however long it takes; anything else is a bug or bad
 * data, which retrying a few times will not change, so it is dead-lettered after the bounded attempts.
 */
export type FailureKind = 'transient' | 'permanent';

/** SQLSTATEs of trouble that passes: https://www.postgresql.org/docs/current/errcodes-appendix.html */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);
/** Class 08: connection exceptions. */
const CONNECTION_EXCEPTION_CLASS = '08';

const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What node-postgres says when the server goes away mid-query, without a code. */
const LOST_CONNECTION_MESSAGE = /connection terminated|terminating connection|connection .*(closed|ended)|timeout exceeded when trying to connect/i;

const KAFKA_UNAVAILABLE = new Set(['KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSBrokerNotFound']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  retriable?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

export function failureKindOf(error: unknown): FailureKind {
  return isTransient(error, 0) ? 'transient' : 'permanent';
}

function isTransient(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, message, retriable, cause, driverError } = error as ErrorLike;
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES.has(code) || (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS))) return true;
    if (TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  if (typeof name === 'string' && name.startsWith('KafkaJS') && (retriable === true || KAFKA_UNAVAILABLE.has(name))) return true;
  if (typeof message === 'string' && LOST_CONNECTION_MESSAGE.test(message) && code === undefined) return true;
  return isTransient(driverError, depth + 1) || isTransient(cause, depth + 1);
}
