import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentStatus } from '@sinergi/contracts';

/**
 * One instructor teaching one class on every day from startDate to endDate. The database refuses two
 * active assignments of one instructor on overlapping days, and two active assignments of one class.
 */
@Entity('assignments')
export class Assignment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('uuid', { name: 'instructor_id' })
  instructorId!: string;

  @Column('text', { name: 'module_code' })
  moduleCode!: string;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('date', { name: 'start_date' })
  startDate!: string;

  @Column('date', { name: 'end_date' })
  endDate!: string;

  /** The calendar month the class starts in (YYYY-MM), for the instructor's load limit. */
  @Column('text')
  period!: string;

  @Column('text')
  status!: AssignmentStatus;

  @Column('uuid', { name: 'replaces_instructor_id', nullable: true })
  replacesInstructorId!: string | null;

  /** Why the assignment was released or withdrawn. */
  @Column('text', { name: 'end_reason', nullable: true })
  endReason!: string | null;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
