import type { AssignmentView } from '@sinergi/contracts';
import { Assignment } from './assignment.entity';

export function assignmentView({ assignedAt, endedAt, ...assignment }: Assignment): AssignmentView {
  return { ...assignment, assignedAt: assignedAt.toISOString(), endedAt: endedAt?.toISOString() ?? null };
}
