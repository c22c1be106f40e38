import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';
import { REQUEST_WINDOW_MINUTES } from '../sign-in-codes/sign-in-code.rules';
import { STAFF_SIGN_IN_WINDOW_MINUTES } from './sign-in-attempts';

const BATCH = 1_000;

/** Each table's rows that nothing reads any more: past their expiry, or past the window of the limit that counts them. */
const EXPIRED_ROWS: ReadonlyArray<{ table: string; expired: string }> = [
  { table: 'browser_sessions', expired: 'expires_at < now()' },
  { table: 'oidc_payloads', expired: 'expires_at < now()' },
  { table: 'sign_in_codes', expired: 'expires_at < now()' },
  { table: 'sign_in_code_requests', expired: `requested_at < now() - interval '${REQUEST_WINDOW_MINUTES} minutes'` },
  { table: 'staff_sign_in_failures', expired: `failed_at < now() - interval '${STAFF_SIGN_IN_WINDOW_MINUTES} minutes'` },
];

/**
 * Deletes, every minute, expired browser sessions and provider records, expired sign-in codes, and the code requests
 * and failed staff sign-ins past their limit's window (reads already ignore them all). Idempotency records have their
 * own sweep (IdempotencyStore).
 */
@Injectable()
export class ExpiredIdentityRows extends PollingTimer {
  constructor(private readonly dataSource: DataSource) {
    super(60_000);
  }

  async runOnce(): Promise<void> {
    for (const { table, expired } of EXPIRED_ROWS) {
      await this.drain(this.dataSource, BATCH, async (manager) => {
        const [, deleted]: [unknown, number] = await manager.query(
          `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${expired} LIMIT ${BATCH})`,
        );
        return deleted;
      });
    }
  }
}
