import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BatchFillChanged, ProgrammeFillView } from '@sinergi/contracts';
import { NotFound } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { Programme } from '../classes/programme.entity';
import { fillOf } from './enrollment.views';

@Injectable()
export class FillService {
  constructor(private readonly dataSource: DataSource) {}

  async get(batchId: string): Promise<BatchFillChanged> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw new NotFound({ field: 'batchId', rule: 'exists', message: `no confirmed class with id ${batchId}` });
    return fillOf(batch);
  }

  async ofProgramme(programmeId: string): Promise<ProgrammeFillView> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ id: programmeId });
    if (!programme) throw new NotFound({ field: 'programmeId', rule: 'exists', message: `no launched programme with id ${programmeId}` });
    const [classes]: Array<Omit<ProgrammeFillView, 'programmeId' | 'targetParticipants' | 'participantCeiling' | 'targetFillRate' | 'enrollmentsByStatus'>> =
      await this.dataSource.query(
        `SELECT count(*)::int AS classes, (count(*) FILTER (WHERE confirmed < minimum_quorum))::int AS "classesUnderQuorum",
                coalesce(sum(seats), 0)::int AS seats, coalesce(sum(selected), 0)::int AS selected,
                coalesce(sum(confirmed), 0)::int AS confirmed, coalesce(sum(reserved), 0)::int AS reserved
           FROM batches WHERE programme_id = $1 AND status <> 'cancelled'`,
        [programmeId],
      );
    const statuses: Array<{ status: string; count: number }> = await this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM enrollments WHERE programme_id = $1 GROUP BY status ORDER BY status',
      [programmeId],
    );
    return {
      programmeId,
      targetParticipants: programme.targetParticipants,
      participantCeiling: programme.participantCeiling,
      ...classes,
      targetFillRate: Math.round((classes.confirmed / programme.targetParticipants) * 10_000) / 10_000,
      enrollmentsByStatus: Object.fromEntries(statuses.map((row) => [row.status, row.count])),
    };
  }
}
