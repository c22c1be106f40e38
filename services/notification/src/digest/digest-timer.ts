import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';
import { hourInWib, todayInWib } from '@sinergi/contracts';
import { DeliveryPlanner } from '../deliveries/delivery-planner';
import { DigestLine } from '../messages/templates';
import { NotificationConfig } from '../notification.config';

const DIGEST_TICK_MS = 60_000;

interface ClassFill {
  programmeId: string;
  batchId: string;
  moduleCode: string | null;
  seats: number | null;
  confirmed: number;
  minimumQuorum: number | null;
  quorumMet: boolean | null;
}

/** Fill rate per programme and the classes under quorum, from the open classes' latest BatchFillChanged. */
export function digestLines(classes: ClassFill[]): DigestLine[] {
  const byProgramme = new Map<string, DigestLine>();
  for (const batch of classes) {
    const line = byProgramme.get(batch.programmeId) ?? { programmeId: batch.programmeId, classes: 0, seats: 0, confirmed: 0, underQuorum: [] };
    line.classes += 1;
    line.seats += batch.seats ?? 0;
    line.confirmed += batch.confirmed;
    if (batch.minimumQuorum !== null && batch.confirmed < batch.minimumQuorum) {
      line.underQuorum.push({ batchId: batch.batchId, moduleCode: batch.moduleCode, confirmed: batch.confirmed, minimumQuorum: batch.minimumQuorum });
    }
    byProgramme.set(batch.programmeId, line);
  }
  return [...byProgramme.values()];
}

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
    const cause = { id: digestEventId(day), type: 'DailyDigestDue', correlationid: `digest-${day}` };
    const params = { day, programmes: digestLines(classes) };
    await this.planner.plan(manager, cause, admins.map((admin) => ({ recipientKind: 'admin' as const, recipientId: admin.id, template: 'admin-digest' as const, params })));
  }
}

/** A stable UUID per day, so that the day's digest deliveries share one cause. */
function digestEventId(day: string): string {
  const hex = createHash('sha256').update(`sinergi-notification-digest:${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
