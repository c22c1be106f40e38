import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnrollmentDocumentKind } from '@sinergi/contracts';

/** The one completion document of an enrollment; the primary key makes it exactly once. */
@Entity('certificates')
export class Certificate {
  @PrimaryColumn('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @Column('text')
  kind!: EnrollmentDocumentKind;

  @Column('text')
  number!: string;

  /** Certificates only: the public code anyone can check. */
  @Column('text', { name: 'verification_code', nullable: true })
  verificationCode!: string | null;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('uuid', { name: 'participant_id' })
  participantId!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('int', { name: 'attended_days' })
  attendedDays!: number;

  @Column('int', { name: 'class_days' })
  classDays!: number;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;
}
