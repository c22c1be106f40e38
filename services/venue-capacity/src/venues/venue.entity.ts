import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { VenueKind } from '@sinergi/contracts';
import { dateArrayTransformer } from '../calendar/date-array.transformer';

/** A training centre (BLK, BBPVP or BPVP); its rooms are in `rooms`. */
@Entity('venues')
export class Venue {
  @PrimaryColumn('text', { name: 'venue_code' })
  venueCode!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: VenueKind;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('text')
  city!: string;

  @Column('date', { name: 'closed_days', array: true, transformer: dateArrayTransformer })
  closedDays!: string[];

  @Column('boolean')
  sample!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
