import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrollmentProblem } from '@sinergi/contracts';

/**
 * rejected: ineligible; selected: holds a seat; reserved: on the reserve list; not-selected: no place left; confirmed: seat
 * confirmed; expired: the seat was not confirmed by the confirm-by day; withdrawn: the participant withdrew.
 */
export type EnrollmentStatus = 'rejected' | 'selected' | 'reserved' | 'not-selected' | 'confirmed' | 'expired' | 'withdrawn';

/** Statuses that count as the participant's one active enrollment in a programme. */
export const ACTIVE_STATUSES: readonly EnrollmentStatus[] = ['selected', 'reserved', 'confirmed'];

@Entity('enrollments')
export class Enrollment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'participant_id' })
  participantId!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  /** The class the participant asked for, if any. */
  @Column('uuid', { name: 'requested_batch_id', nullable: true })
  requestedBatchId!: string | null;

  /** The class holding the seat or reserve place. */
  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @Column('text')
  status!: EnrollmentStatus;

  /** Why the participant was found ineligible. */
  @Column('jsonb')
  reasons!: EnrollmentProblem[];

  @Column('int', { name: 'reserve_rank', nullable: true })
  reserveRank!: number | null;

  @Column('text', { name: 'not_selected_reason', nullable: true })
  notSelectedReason!: string | null;

  @Column('date', { name: 'confirm_by', nullable: true })
  confirmBy!: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason!: string | null;

  /** When the enrollment expired or was withdrawn. */
  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
