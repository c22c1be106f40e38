/** The audit log of the gateway (GET /api/v1/audit): who read personal data or ran an admin command, newest first. */

export const AUDIT_KINDS = ['personal-data-read', 'admin-command'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** GET /api/v1/audit: a page and filters; `from` is inclusive, `to` exclusive. */
export interface AuditEntriesParams {
  /** The subject of the caller. */
  actor?: string;
  /** An operation id of the access table, e.g. participants.get. */
  operation?: string;
  /** A record type, e.g. participant or batch. */
  recordType?: string;
  recordId?: string;
  /** ISO 8601 date or date-time, inclusive. */
  from?: string;
  /** ISO 8601 date or date-time, exclusive. */
  to?: string;
  /**
   * How many entries, 1-200 (default 50).
   * @TJS-type integer
   * @minimum 1
   * @maximum 200
   * @default 50
   */
  limit?: number;
  /** The previous page's `next`. */
  cursor?: string;
}

/** One audited request; never a personal data value, records are named by type and id only. */
export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actor: { subject: string | null; roles: string[]; clientAddress: string | null };
  operation: string;
  kind: AuditKind;
  record: { type: string; id: string } | null;
  /** The HTTP status the request was answered with. */
  outcome: number;
  correlationId: string | null;
}
