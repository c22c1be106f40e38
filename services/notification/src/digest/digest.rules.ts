import { createHash } from 'node:crypto';
import type { DigestLine } from '../templates/templates.rules';

export interface ClassFill {
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

/** A stable UUID per day, so that the day's digest deliveries share one cause. */
export function digestEventId(day: string): string {
  const hex = createHash('sha256').update(`sinergi-notification-digest:${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
