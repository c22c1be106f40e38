import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('rooms')
export class Room {
  @PrimaryColumn('text', { name: 'venue_code' })
  venueCode!: string;

  @PrimaryColumn('text', { name: 'room_code' })
  roomCode!: string;

  @Column('text')
  name!: string;

  @Column('int')
  seats!: number;
}
