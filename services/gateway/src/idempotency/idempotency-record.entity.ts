import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealedPayload } from '@sinergi/contracts';

/** The first answer to a creating POST under an Idempotency-Key, per principal, kept for 24 hours. */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'subject', type: 'text' })
  subject!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** Null while the first request is still being answered. */
  @Column({ name: 'status', type: 'integer', nullable: true })
  status!: number | null;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  /** The answer's body, sealed (AES-256-GCM under IDEMPOTENCY_SEAL_KEY, bound to subject and key): it may hold personal data. */
  @Column({ name: 'sealed_body', type: 'jsonb', nullable: true })
  sealedBody!: SealedPayload | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
