import { ACCESS_TABLE, type AccessRule } from '@sinergi/contracts/access/access-table';
import type { Role } from '@sinergi/contracts/access/roles';
import type { Session } from './session';

export type OperationId = keyof typeof ACCESS_TABLE;

/** Whether the access table lets one of the session's roles use the operation (the gateway decides again). */
export function can(session: Session, operation: OperationId): boolean {
  const rule: AccessRule = ACCESS_TABLE[operation];
  if (rule === 'public') return true;
  if ('internal' in rule) return false;
  return session.roles.some((role) => (rule as Partial<Record<Role, string>>)[role as Role] !== undefined);
}
