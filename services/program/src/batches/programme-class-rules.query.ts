import { NotFound } from '@sinergi/platform';
import { EntityManager } from 'typeorm';
import { ProgrammeClassRules } from './batch-planner.rules';

export interface ProgrammeForPlanning extends ProgrammeClassRules {
  id: string;
  moduleCode: string;
  reservesPerClass: number;
  minimumQuorum: number;
  confirmByDaysBeforeStart: number;
}

export const LIVE_STATUSES = ['planned', 'confirmed', 'running'] as const;

/**
 * Reads a programme's class rules; with `lock`, holds its row until the transaction ends, so
 * that concurrent planning requests for one programme check the ceiling one after another.
 */
export async function programmeForPlanning(manager: EntityManager, programmeId: string, lock: boolean): Promise<ProgrammeForPlanning> {
  const rows: ProgrammeForPlanning[] = await manager.query(
    `SELECT id, module_code AS "moduleCode", period_start::text AS "periodStart", period_end::text AS "periodEnd",
            participant_ceiling AS "participantCeiling", class_days AS "classDays", class_size AS "classSize",
            reserves_per_class AS "reservesPerClass", minimum_quorum AS "minimumQuorum",
            confirm_by_days_before_start AS "confirmByDaysBeforeStart", teaching_weekdays AS "teachingWeekdays"
       FROM programmes WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [programmeId],
  );
  if (rows.length === 0) throw new NotFound({ field: 'programmeId', rule: 'exists', message: `no programme with id ${programmeId}` });
  return rows[0];
}

/** Seats held by the programme's live classes (planned, confirmed, running). */
export async function liveSeatsOf(manager: EntityManager, programmeId: string): Promise<number> {
  const [{ seats }] = await manager.query(`SELECT COALESCE(SUM(seats), 0)::int AS seats FROM batches WHERE programme_id = $1 AND status = ANY($2)`, [
    programmeId,
    LIVE_STATUSES,
  ]);
  return seats;
}
