import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type DeliveryStatus = 'pending';

/** One message owed to one recipient because of one event. */
@Entity('deliveries')
@Unique(['eventId', 'recipient', 'template'])
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('text')
  recipient!: string;

  @Column('text')
  template!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('text', { nullable: true })
  traceparent!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
