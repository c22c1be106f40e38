import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Program's own copy of an instructor's public profile, kept from instructor-module's catalogue events. */
@Entity('directory_instructors')
export class DirectoryInstructor {
  @PrimaryColumn('uuid', { name: 'instructor_id' })
  instructorId!: string;

  @Column('text', { name: 'home_province_code' })
  homeProvinceCode!: string;

  /** Training module codes the instructor may teach. */
  @Column('text', { array: true })
  competencies!: string[];

  /** Classes at most per calendar month a class starts in, as instructor-module counts them. */
  @Column('int', { name: 'max_classes_per_period' })
  maxClassesPerPeriod!: number;

  @Column('boolean')
  active!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An active assignment as instructor-module announced it: the instructor teaches from startDate to endDate. */
@Entity('instructor_bookings')
export class InstructorBookingRow {
  @PrimaryColumn('uuid', { name: 'assignment_id' })
  assignmentId!: string;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('uuid', { name: 'instructor_id' })
  instructorId!: string;

  @Column('date', { name: 'start_date' })
  startDate!: string;

  @Column('date', { name: 'end_date' })
  endDate!: string;
}
