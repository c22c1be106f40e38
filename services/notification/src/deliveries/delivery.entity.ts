import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DeliveryStatus, NotificationChannel, RecipientKind } from '@sinergi/contracts';

/** One message owed to one recipient because of one event; `(event_id, recipient, template)` makes it exactly one. */
@Entity('deliveries')
@Unique(['eventId', 'recipient', 'template'])
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'event_id' })
  eventId!: string;

  /** When the event happened (its CloudEvents `time`): a recipient's messages go out in this order. */
  @Column('timestamptz', { name: 'event_time' })
  eventTime!: Date;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  /** `<kind>:<id>`, e.g. `participant:6f1c...` or `venue-operator:BBPVP-BDG`. */
  @Column('text')
  recipient!: string;

  @Column('text', { name: 'recipient_kind' })
  recipientKind!: RecipientKind;

  @Column('text', { name: 'recipient_id' })
  recipientId!: string;

  @Column('text')
  template!: string;

  /** What the template needs besides the recipient and the class: ids, dates, ranks. Never contact data. */
  @Column('jsonb')
  params!: Record<string, unknown>;

  /** Sent even to a recipient who opted out. */
  @Column('boolean')
  critical!: boolean;

  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @Column('uuid', { name: 'enrollment_id', nullable: true })
  enrollmentId!: string | null;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('text', { nullable: true })
  channel!: NotificationChannel | null;

  @Column('text', { nullable: true })
  language!: 'id' | 'en' | null;

  @Column('text', { name: 'provider_message_id', nullable: true })
  providerMessageId!: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Waiting for the recipient's contact card: its arrival makes the delivery due at once. */
  @Column('boolean', { name: 'awaiting_contact', default: false })
  awaitingContact!: boolean;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('text', { nullable: true })
  traceparent!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
