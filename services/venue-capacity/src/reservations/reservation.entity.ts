import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ReservationStatus } from '@sinergi/contracts';

/**
 * A room held for every day of one class. PostgreSQL refuses two active reservations of one
 * room on a shared day (exclusion constraint `reservations_one_class_per_room_day`).
 */
@Entity('reservations')
export class Reservation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('text', { name: 'venue_code' })
  venueCode!: string;

  @Column('text', { name: 'room_code' })
  roomCode!: string;

  @Column('date', { name: 'start_date' })
  startDate!: string;

  @Column('date', { name: 'end_date' })
  endDate!: string;

  @Column('int')
  seats!: number;

  @Column('text')
  status!: ReservationStatus;

  @Column('text', { name: 'ended_reason', nullable: true })
  endedReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
