import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntryView, Page } from '@sinergi/contracts';
import { InvalidInput, keysetPage } from '@sinergi/platform';
import { AuditEntry } from './audit-entry.entity';
import { AuditQuery } from './audit-query';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Appends entries (never changes one) and lists them newest first. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);
  private unwritten = 0;

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Entries that could not be written since start (each one also logged as a warning). */
  get unwrittenEntries(): number {
    return this.unwritten;
  }

  /** Writes the entry; a failure is logged and counted, never thrown: the request it describes is already answered. */
  async append(entry: NewAuditEntry): Promise<void> {
    try {
      await this.entries.insert(entry);
    } catch (error) {
      this.unwritten += 1;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`audit entry for ${entry.operationId} (${entry.recordType ?? '-'} ${entry.recordId ?? '-'}, correlation ${entry.correlationId ?? '-'}) not written: ${reason}`);
    }
  }

  list(query: AuditQuery): Promise<Page<AuditEntryView>> {
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
    return keysetPage(
      select,
      query,
      { columns: ['entry.occurredAt', 'entry.id'], keyOf: (entry) => [entry.occurredAt.toISOString(), entry.id], direction: 'DESC' },
      viewOf,
    );
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
