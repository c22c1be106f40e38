import { Column, Entity, PrimaryColumn } from 'typeorm';

/** confirmed (open for enrollment, not started), cancelled, running (BatchStarted), completed (certificates issued), closed. */
export type ClassStatus = 'confirmed' | 'cancelled' | 'running' | 'completed' | 'closed';

/**
 * Enrollment's view of a confirmed class (BatchConfirmed) and how full it is. `selected` counts the seats
 * taken (selected or confirmed), `confirmed` those already confirmed, `reserved` the reserve places taken;
 * CHECK constraints keep them within seats and reserves whatever the code does.
 */
@Entity('batches')
export class Batch {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('text')
  status!: ClassStatus;

  @Column('text', { name: 'venue_code' })
  venueCode!: string;

  @Column('date', { name: 'start_date' })
  startDate!: string;

  @Column('date', { name: 'end_date' })
  endDate!: string;

  /** The teaching days the class is held on, startDate first and endDate last: program skips weekends and holidays. */
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

  @Column('int')
  selected!: number;

  @Column('int')
  confirmed!: number;

  @Column('int')
  reserved!: number;
}
