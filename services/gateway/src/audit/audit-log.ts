import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditEntryView, Page } from '@sinergi/contracts';
import { InvalidInput, keysetPage } from '@sinergi/platform';
import { AuditEntry } from './audit-entry.entity';
import { viewsOf } from '../csv/csv-export';
import { ExportConnections } from '../csv/export-connections';
import { AuditFilters, AuditQuery } from './audit-query';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Appends entries (never changes one) and lists them newest first. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);
  private unwritten = 0;

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly exportConnections: ExportConnections,
  ) {}

  /** Entries that could not be written since start (each one also logged as a warning). */
  get unwrittenEntries(): number {
    return this.unwritten;
  }

  /**
   * Writes the entry; a failure is logged and counted, never thrown: the request it describes is already answered.
   * A statement by hand: every audited request writes one, and TypeORM's insert builder cost more CPU than the insert.
   */
  async append(entry: NewAuditEntry): Promise<void> {
    try {
      await this.entries.manager.query(
        `INSERT INTO audit_entries (occurred_at, actor_subject, actor_roles, client_address, operation_id, kind, record_type, record_id, outcome, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          entry.occurredAt,
          entry.actorSubject,
          entry.actorRoles,
          entry.clientAddress,
          entry.operationId,
          entry.kind,
          entry.recordType,
          entry.recordId,
          entry.outcome,
          entry.correlationId,
        ],
      );
    } catch (error) {
      this.unwritten += 1;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`audit entry for ${entry.operationId} (${entry.recordType ?? '-'} ${entry.recordId ?? '-'}, correlation ${entry.correlationId ?? '-'}) not written: ${reason}`);
    }
  }

  list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    return keysetPage(
      this.filtered(query),
      query,
      { columns: ['entry.occurredAt', 'entry.id'], keyOf: (entry) => [entry.occurredAt.toISOString(), entry.id], direction: 'DESC' },
      viewOf,
    );
  }

  /** Every entry the filters select, newest first, read through a cursor (for the CSV export). */
  all(query: AuditFilters): AsyncGenerator<AuditEntryView> {
    const select = this.filtered(query).select([]);
    for (const column of this.entries.metadata.columns) select.addSelect(`entry.${column.propertyName}`, column.propertyName);
    const [sql, params] = select.orderBy('entry.occurredAt', 'DESC').addOrderBy('entry.id', 'DESC').getQueryAndParameters();
    return viewsOf(this.exportConnections.rows<AuditEntry>(sql, params), viewOf);
  }

  private filtered(query: AuditFilters): SelectQueryBuilder<AuditEntry> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) throw new InvalidInput({ field: 'to', rule: 'not-before-from', message: 'to must not be before from' });
    const select = this.entries.createQueryBuilder('entry');
    if (query.actor) select.andWhere('entry.actorSubject = :actor', { actor: query.actor });
    if (query.operation) select.andWhere('entry.operationId = :operation', { operation: query.operation });
    if (query.recordType) select.andWhere('entry.recordType = :recordType', { recordType: query.recordType });
    if (query.recordId) select.andWhere('entry.recordId = :recordId', { recordId: query.recordId });
    if (from) select.andWhere('entry.occurredAt >= :from', { from });
    if (to) select.andWhere('entry.occurredAt < :to', { to });
    return select;
  }
}

function viewOf(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actor: { subject: entry.actorSubject, roles: entry.actorRoles, clientAddress: entry.clientAddress },
    operation: entry.operationId,
    kind: entry.kind,
    record: entry.recordType && entry.recordId ? { type: entry.recordType, id: entry.recordId } : null,
    outcome: entry.outcome,
    correlationId: entry.correlationId,
  };
}
