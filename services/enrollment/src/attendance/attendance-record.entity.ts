import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One participant's presence on one class day, as the venue operator last recorded it. */
@Entity('attendance')
export class AttendanceRecord {
  @PrimaryColumn('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @PrimaryColumn('date')
  day!: string;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('boolean')
  present!: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
