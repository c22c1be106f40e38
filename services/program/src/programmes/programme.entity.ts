import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { BusinessScale, SelectionPolicy, Weekday } from '@sinergi/contracts';

/** A training programme under a PKS, e.g. the May 2025 entrepreneurship training. */
@Entity('programmes')
export class Programme {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId!: string;

  @Column('text')
  name!: string;

  @Column('date', { name: 'period_start' })
  periodStart!: string;

  @Column('date', { name: 'period_end' })
  periodEnd!: string;

  @Column('int', { name: 'target_participants' })
  targetParticipants!: number;

  @Column('int', { name: 'participant_ceiling' })
  participantCeiling!: number;

  @Column('text', { name: 'priority_segments', array: true })
  prioritySegments!: BusinessScale[];

  @Column('text', { name: 'selection_policy' })
  selectionPolicy!: SelectionPolicy;

  @Column('text', { name: 'module_code' })
  moduleCode!: string;

  /** Teaching days per class. */
  @Column('int', { name: 'class_days' })
  classDays!: number;

  /** The weekdays its classes are held on (never on a national holiday or cuti bersama). */
  @Column('text', { name: 'teaching_weekdays', array: true })
  teachingWeekdays!: Weekday[];

  @Column('int', { name: 'class_size' })
  classSize!: number;

  @Column('int', { name: 'reserves_per_class' })
  reservesPerClass!: number;

  @Column('int', { name: 'minimum_quorum' })
  minimumQuorum!: number;

  @Column('int', { name: 'confirm_by_days_before_start' })
  confirmByDaysBeforeStart!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
