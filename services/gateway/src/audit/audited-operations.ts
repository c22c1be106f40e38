import { ACCESS_TABLE, AuditKind, OperationId } from '@sinergi/contracts';

/**
 * Reads that return a participant's personal data (names, NIK, phones, e-mails, attendance, certificates, deliveries
 * to them), and the audit log itself, which says whose records were touched and by whom.
 */
export const PERSONAL_DATA_READS: ReadonlySet<OperationId> = new Set<OperationId>([
  'participants.get',
  'participants.enrollments',
  'enrollments.get',
  'attendance.get',
  'certificates.get',
  // The printed documents carry the holder's name.
  'certificates.pdf',
  'letters.pdf',
  'deliveries.list',
  'deliveries.get',
  'recipients.get',
  'recipients.get-preferences',
  'instructors.list',
  'instructors.get',
  'audit.list',
  'audit.list-csv',
]);

/** What an entry records the request as, or undefined when the operation is not audited. */
export function auditKindOf(operation: OperationId, method: string): AuditKind | undefined {
  if (PERSONAL_DATA_READS.has(operation)) return 'personal-data-read';
  if (ACCESS_TABLE[operation] === 'public') return undefined;
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? undefined : 'admin-command';
}

/** Resources whose routes name another record type than the singular of their own name. */
const RECORD_TYPE_OF_RESOURCE: Readonly<Record<string, string>> = {
  attendance: 'batch',
  operations: 'dead-letter',
  selection: 'batch',
  utilisation: 'venue',
  'venue-directory': 'venue',
  'instructor-directory': 'instructor',
};

const MAX_RECORD_ID_LENGTH = 200;

/**
 * The record a route acts on, from its path parameters: a named one (`:participantId`, `:batchId`) first, then `:id`
 * (typed by the operation's resource), then any other parameter (e.g. a venue code).
 */
export function recordOf(operation: OperationId, params: Record<string, unknown>): { type: string; id: string } | undefined {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  const named = entries.find(([name]) => name !== 'id' && name.endsWith('Id'));
  if (named) return record(kebab(named[0].slice(0, -2)), named[1]);
  const resource = resourceTypeOf(operation);
  const id = entries.find(([name]) => name === 'id') ?? entries[0];
  return id ? record(resource, id[1]) : undefined;
}

function record(type: string, id: string): { type: string; id: string } {
  return { type, id: id.slice(0, MAX_RECORD_ID_LENGTH) };
}

function resourceTypeOf(operation: OperationId): string {
  const resource = operation.split('.')[0];
  return RECORD_TYPE_OF_RESOURCE[resource] ?? resource.replace(/ies$/, 'y').replace(/s$/, '');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
