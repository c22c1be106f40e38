import { Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';

export const STAFF_SIGN_IN_WINDOW_MINUTES = 15;
const MAX_FAILURES = { username: 5, address: 20 } as const;
type FailureScope = keyof typeof MAX_FAILURES;

/** A password sign-in under way: it counts as failed until `succeeded` takes it back. */
export interface SignInAttempt {
  usernameDigest: Buffer;
  addressRowId: string;
}

/**
 * Failed staff sign-ins per username and per client address over the last 15 minutes, counted in the database
 * (`staff_sign_in_failures`, HMACs only under SIGN_IN_CODE_HMAC_KEY), so the limit holds across restarts and across
 * gateway instances. An attempt is counted before its password is checked, under a lock on its username and address,
 * so that guesses sent at once cannot all pass the count before any of them has failed.
 */
@Injectable()
export class SignInAttempts {
  private readonly hmacKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    config: GatewayConfig,
  ) {
    this.hmacKey = Buffer.from(config.SIGN_IN_CODE_HMAC_KEY, 'base64');
  }

  /** Counts an attempt, or answers undefined when the username or the address has failed too often. */
  begin(username: string, address: string): Promise<SignInAttempt | undefined> {
    const digests: Record<FailureScope, Buffer> = { username: this.digest('username', username), address: this.digest('address', address) };
    return this.dataSource.transaction(async (manager) => {
      for (const scope of ['username', 'address'] as const) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('staff-sign-in:' || $1 || encode($2, 'hex'), 0))`, [scope, digests[scope]]);
        const [{ count }] = (await manager.query(
          `SELECT count(*)::int AS count FROM staff_sign_in_failures
            WHERE scope = $1 AND subject_digest = $2 AND failed_at > now() - make_interval(mins => $3)`,
          [scope, digests[scope], STAFF_SIGN_IN_WINDOW_MINUTES],
        )) as Array<{ count: number }>;
        if (count >= MAX_FAILURES[scope]) return undefined;
      }
      const addressRowId = randomUUID();
      await manager.query(`INSERT INTO staff_sign_in_failures (id, scope, subject_digest) VALUES ($1, 'username', $2), ($3, 'address', $4)`, [
        randomUUID(),
        digests.username,
        addressRowId,
        digests.address,
      ]);
      return { usernameDigest: digests.username, addressRowId };
    });
  }

  /** The password was right: the username's failures are forgotten, and this attempt no longer counts against the address. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM staff_sign_in_failures WHERE (scope = 'username' AND subject_digest = $1) OR id = $2`, [
      attempt.usernameDigest,
      attempt.addressRowId,
    ]);
  }

  private digest(scope: FailureScope, value: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(`staff-${scope}:${value}`).digest();
  }
}
