import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BatchStatus } from '@sinergi/contracts';

/** One line of a batch's history: what happened, what it changed, and what was published. */
@Entity('batch_transitions')
export class BatchTransition {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  /** The event type received, or the command / timer step, that caused this line. */
  @Column('text')
  trigger!: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: BatchStatus | null;

  @Column('text', { name: 'to_status' })
  toStatus!: BatchStatus;

  /** The event published, if any. */
  @Column('text', { name: 'event_type', nullable: true })
  eventType!: string | null;

  /** False when the input did not fit the batch's state and changed nothing. */
  @Column('boolean')
  applied!: boolean;

  @Column('text')
  note!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
