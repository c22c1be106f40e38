import { exponentialBackoffMs } from './backoff';
import { FailureKind } from './failure-kind';

export interface RetryPolicy {
  /** How many times a handler is tried before the message is dead-lettered; transient failures do not count. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** After a transient failure (a lock, a lost connection, the broker away): longer waits, retried until it passes. */
  transientInitialBackoffMs: number;
  transientMaxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 5_000,
  transientInitialBackoffMs: 1_000,
  transientMaxBackoffMs: 30_000,
};

/**
 * Exponential backoff with jitter (between half and all of the wait), so that many failing consumers do not retry
 * in step; `failedAttempts` counts the failures of that kind so far.
 */
export function backoffMs(policy: RetryPolicy, failedAttempts: number, kind: FailureKind = 'permanent'): number {
  const ceiling =
    kind === 'transient'
      ? exponentialBackoffMs(failedAttempts, policy.transientInitialBackoffMs, policy.transientMaxBackoffMs)
      : exponentialBackoffMs(failedAttempts, policy.initialBackoffMs, policy.maxBackoffMs);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
