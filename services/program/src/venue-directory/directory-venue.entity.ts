import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Room, VenueKind } from '@sinergi/contracts';

/** Program's own copy of a venue, kept from venue-capacity's full-state events (never read from its database). */
@Entity('directory_venues')
export class DirectoryVenue {
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

  @Column('jsonb')
  rooms!: Room[];

  @Column('text', { name: 'closed_days', array: true })
  closedDays!: string[];

  @Column('boolean')
  sample!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
