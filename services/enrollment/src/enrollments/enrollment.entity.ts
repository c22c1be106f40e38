import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrollmentChannel, EnrollmentProblem, EnrollmentStatus } from '@sinergi/contracts';

/** Statuses that count as the participant's one active enrollment in a programme. */
export const ACTIVE_STATUSES: readonly EnrollmentStatus[] = ['selected', 'reserved', 'confirmed'];

/** Statuses still waiting for a decision (no class yet); they count as the one active enrollment too. */
export const WAITING_STATUSES: readonly EnrollmentStatus[] = ['pending-identity', 'registered'];

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

  @Column('text')
  channel!: EnrollmentChannel;

  /** The nominating institution's score, for ranked selection (higher first). */
  @Column('double precision', { name: 'selection_score', nullable: true })
  selectionScore!: number | null;

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
