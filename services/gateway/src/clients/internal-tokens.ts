import type { JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import { mintInternalToken, Principal, ServiceName } from '@sinergi/contracts';

/** How long a minted token is sent again: half its 60 s lifetime, so that it never reaches a service about to expire. */
export const INTERNAL_TOKEN_REUSE_MS = 30_000;
const MAX_KEPT_TOKENS = 10_000;

/** A monotonic clock in milliseconds (`performance` unless a test brings its own). */
export interface Clock {
  now(): number;
}

/**
 * The internal tokens of the gateway's calls to the services: one is minted per service and principal and
 * reused for 30 s, since signing one for every call is most of a forwarded request's CPU.
 */
export class InternalTokens {
  private readonly kept: LRUCache<string, string>;

  constructor(
    private readonly signingKey: JWK,
    clock: Clock = performance,
  ) {
    this.kept = new LRUCache({ max: MAX_KEPT_TOKENS, ttl: INTERNAL_TOKEN_REUSE_MS, perf: clock });
  }

  async tokenFor(principal: Principal, service: ServiceName): Promise<string> {
    const key = keyOf(principal, service);
    const kept = this.kept.get(key);
    if (kept) return kept;
    const token = await mintInternalToken(principal, service, this.signingKey);
    this.kept.set(key, token);
    return token;
  }
}

/** Every claim the token carries: a principal whose roles or venues changed gets a token of its own. */
function keyOf({ subject, roles, venueCodes, instructorId, participantId }: Principal, service: ServiceName): string {
  return JSON.stringify([service, subject, roles, venueCodes, instructorId ?? null, participantId ?? null]);
}
