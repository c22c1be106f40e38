import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An instructor on the KemenUMKM roster. Name, email and phone are personal data: stored, never logged or published. */
@Entity('instructors')
export class Instructor {
  @PrimaryColumn('uuid')
  id!: string;

  /** KemenUMKM's own id for the instructor. */
  @Column('text', { name: 'external_ref', unique: true })
  externalRef!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  /** E.164, e.g. +6281234567890. */
  @Column('text', { nullable: true })
  phone!: string | null;

  /** Kemendagri province code. */
  @Column('text', { name: 'home_province_code' })
  homeProvinceCode!: string;

  /** Training module codes the instructor may teach. */
  @Column('text', { array: true })
  competencies!: string[];

  /** Classes at most per period (the calendar month a class starts in). */
  @Column('int', { name: 'max_classes_per_period' })
  maxClassesPerPeriod!: number;

  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export type UnavailabilitySource = 'roster' | 'admin';

/** A day the instructor cannot teach: from the KemenUMKM roster, or added by an admin. */
@Entity('instructor_unavailable_days')
export class InstructorUnavailableDay {
  @PrimaryColumn('uuid', { name: 'instructor_id' })
  instructorId!: string;

  @PrimaryColumn('date')
  day!: string;

  @PrimaryColumn('text')
  source!: UnavailabilitySource;
}
