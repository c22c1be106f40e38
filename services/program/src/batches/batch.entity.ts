import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BatchCancellationReason, BatchFailedStep, BatchStatus } from '@sinergi/contracts';

/** A class of a programme, with its saga state: everything the saga needs survives a restart here. */
@Entity('batches')
export class Batch {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('text')
  status!: BatchStatus;

  @Column('text', { name: 'module_code' })
  moduleCode!: string;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('text', { name: 'venue_code' })
  venueCode!: string;

  @Column('date', { name: 'start_date' })
  startDate!: string;

  @Column('date', { name: 'end_date' })
  endDate!: string;

  /** The teaching days the class is held on, startDate first and endDate last (YYYY-MM-DD as text: no time-zone shift). */
  @Column('text', { name: 'class_dates', array: true })
  classDates!: string[];

  @Column('int')
  seats!: number;

  @Column('int')
  reserves!: number;

  @Column('int', { name: 'minimum_quorum' })
  minimumQuorum!: number;

  @Column('date', { name: 'confirm_by' })
  confirmBy!: string;

  /** Venue and instructor must both have answered by then (the durable timer's deadline). */
  @Column('timestamptz', { name: 'reply_by' })
  replyBy!: Date;

  @Column('uuid', { name: 'reservation_id', nullable: true })
  reservationId!: string | null;

  @Column('text', { name: 'room_code', nullable: true })
  roomCode!: string | null;

  @Column('uuid', { name: 'assignment_id', nullable: true })
  assignmentId!: string | null;

  /** The instructor the bulk planner found free for the class; instructor-module decides who teaches (instructorId). */
  @Column('uuid', { name: 'proposed_instructor_id', nullable: true })
  proposedInstructorId!: string | null;

  @Column('uuid', { name: 'instructor_id', nullable: true })
  instructorId!: string | null;

  @Column('text', { name: 'failed_step', nullable: true })
  failedStep!: BatchFailedStep | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason!: BatchCancellationReason | null;

  @Column('text', { name: 'cancellation_detail', nullable: true })
  cancellationDetail!: string | null;

  /** Enrollment's latest fill of the class (BatchFillChanged); null until the first one arrives. */
  @Column('int', { name: 'fill_selected', nullable: true })
  fillSelected!: number | null;

  @Column('int', { name: 'fill_confirmed', nullable: true })
  fillConfirmed!: number | null;

  @Column('int', { name: 'fill_reserved', nullable: true })
  fillReserved!: number | null;

  @Column('boolean', { name: 'fill_quorum_met', nullable: true })
  fillQuorumMet!: boolean | null;

  /** The event time of the fill recorded; an older fill (a republished one) does not replace it. */
  @Column('timestamptz', { name: 'fill_at', nullable: true })
  fillAt!: Date | null;

  /** The day the timer evaluated the quorum after the confirm-by deadline; it is evaluated once. */
  @Column('date', { name: 'quorum_checked_on', nullable: true })
  quorumCheckedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
