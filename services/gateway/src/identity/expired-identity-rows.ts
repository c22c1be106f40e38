import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';

const BATCH = 1_000;

/** Deletes expired browser sessions and provider records every minute (reads already ignore them). */
@Injectable()
export class ExpiredIdentityRows extends PollingTimer {
  constructor(private readonly dataSource: DataSource) {
    super(60_000);
  }

  async runOnce(): Promise<void> {
    for (const table of ['browser_sessions', 'oidc_payloads']) {
      await this.drain(this.dataSource, BATCH, async (manager) => {
        const [, deleted]: [unknown, number] = await manager.query(
          `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE expires_at < now() LIMIT ${BATCH})`,
        );
        return deleted;
      });
    }
  }
}
