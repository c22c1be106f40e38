import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditKind } from '@sinergi/contracts';

/**
 * One audited request: who (subject and roles, client address), what (operation, kind), which record, when, and how it ended.
 * Never a personal data value: records are named by type and id only. Append-only (a trigger refuses UPDATE and DELETE).
 */
@Entity('audit_entries')
@Index('audit_entries_newest_first', ['occurredAt', 'id'])
export class AuditEntry {
  /** bigserial: a total order for paging; the database hands it out, so concurrent writers never collide. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The principal's subject; null when the request carried no valid token. */
  @Column({ name: 'actor_subject', type: 'text', nullable: true })
  actorSubject!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  /** The address the request came from (as TRUST_PROXY lets the gateway see it); null for entries written before it was kept. */
  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ name: 'operation_id', type: 'text' })
  operationId!: string;

  @Column({ type: 'text' })
  kind!: AuditKind;

  @Column({ name: 'record_type', type: 'text', nullable: true })
  recordType!: string | null;

  @Column({ name: 'record_id', type: 'text', nullable: true })
  recordId!: string | null;

  /** The HTTP status the request was answered with. */
  @Column({ type: 'integer' })
  outcome!: number;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;
}
