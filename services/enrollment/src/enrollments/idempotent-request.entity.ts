import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a request with an Idempotency-Key, given again to every repeat. */
@Entity('idempotent_requests')
export class IdempotentRequest {
  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of the request body: a key reused for another request is refused. */
  @Column('text')
  fingerprint!: string;

  @Column('int')
  status!: number;

  @Column('jsonb')
  body!: object;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
