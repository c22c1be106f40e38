import type { Gender } from '@sinergi/contracts';

export const IDENTITY_CHECK_ADAPTERS = ['stub'] as const;
export type IdentityCheckAdapterName = (typeof IDENTITY_CHECK_ADAPTERS)[number];

/** What the civil registry (Dukcapil) is asked: does this NIK belong to this person? */
export interface IdentityQuery {
  nik: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
}

/** match / no-match are final; unavailable (down, timed out, throttled) is retried with backoff. */
export type IdentityAnswer = { outcome: 'match' } | { outcome: 'no-match' } | { outcome: 'unavailable'; reason: string };

/**
 * The port to the civil registry. An adapter may take seconds and may fail: it is only ever called by
 * the identity-check timer, outside any database transaction, and its answer is recorded afterwards.
 * The reason of an unavailable answer is stored and logged, so it must never quote the NIK or the name.
 */
export abstract class IdentityCheckPort {
  abstract check(query: IdentityQuery): Promise<IdentityAnswer>;
}
