import { exponentialBackoffMs } from './backoff';

export interface RetryPolicy {
  /** How many times a handler is tried before the message is dead-lettered. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

/** Exponential backoff with jitter (between half and all of the wait), so that many failing consumers do not retry in step. */
export function backoffMs(policy: RetryPolicy, failedAttempt: number): number {
  const ceiling = exponentialBackoffMs(failedAttempt, policy.initialBackoffMs, policy.maxBackoffMs);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
