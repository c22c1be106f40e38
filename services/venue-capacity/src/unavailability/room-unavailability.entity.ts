import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A period in which a room cannot be used (renovation, repairs), both days included. */
@Entity('room_unavailability')
export class RoomUnavailability {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'venue_code' })
  venueCode!: string;

  @Column('text', { name: 'room_code' })
  roomCode!: string;

  @Column('date', { name: 'from_date' })
  from!: string;

  @Column('date', { name: 'to_date' })
  to!: string;

  @Column('text')
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
