import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';
import { hourInWib, todayInWib } from '@sinergi/contracts';
import { NotificationConfig } from '../notification.config';
import { ClassFill, digestEventId, digestLines } from './digest.rules';

const DIGEST_TICK_MS = 60_000;

/**
 * The admins' daily digest, once a day from DIGEST_HOUR_WIB on. The day is claimed in digest_days in the same
 * transaction as its deliveries, so a restart or a second instance never plans it twice and a missed hour is caught
 * up at the next start.
 */
@Injectable()
export class DigestTimer extends PollingTimer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: DeliveryPlanner,
    private readonly config: NotificationConfig,
  ) {
    super(DIGEST_TICK_MS);
  }

  async runOnce(now: Date = new Date()): Promise<void> {
    if (hourInWib(now) < this.config.DIGEST_HOUR_WIB) return;
    await this.dataSource.transaction((manager) => this.planDigest(manager, todayInWib(now)));
  }

  private async planDigest(manager: EntityManager, day: string): Promise<void> {
    const [claimed] = (await manager.query(`INSERT INTO digest_days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING RETURNING day`, [day])) as unknown[];
    if (!claimed) return;
    const classes = (await manager.query(
      `SELECT programme_id AS "programmeId", batch_id AS "batchId", module_code AS "moduleCode", seats, confirmed,
              minimum_quorum AS "minimumQuorum", quorum_met AS "quorumMet"
         FROM classes WHERE status NOT IN ('cancelled', 'completed') ORDER BY programme_id, start_date, batch_id`,
    )) as ClassFill[];
    const admins = (await manager.query(`SELECT id FROM recipients WHERE kind = 'admin' AND contact IS NOT NULL ORDER BY id`)) as Array<{ id: string }>;
    const cause = { id: digestEventId(day), type: 'DailyDigestDue', time: new Date().toISOString(), correlationid: `digest-${day}` };
    const params = { day, programmes: digestLines(classes) };
    await this.planner.plan(manager, cause, admins.map((admin) => ({ recipientKind: 'admin' as const, recipientId: admin.id, template: 'admin-digest' as const, params })));
  }
}
