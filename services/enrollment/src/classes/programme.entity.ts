import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BusinessScale, SelectionPolicy } from '@sinergi/contracts';

/** Enrollment's view of a programme, from ProgrammeLaunched and ProgrammeAmended. */
@Entity('programmes')
export class Programme {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('date', { name: 'period_start' })
  periodStart!: string;

  @Column('date', { name: 'period_end' })
  periodEnd!: string;

  @Column('text', { name: 'priority_segments', array: true })
  prioritySegments!: BusinessScale[];

  @Column('text', { name: 'selection_policy' })
  selectionPolicy!: SelectionPolicy;

  @Column('int', { name: 'target_participants' })
  targetParticipants!: number;

  @Column('int', { name: 'participant_ceiling' })
  participantCeiling!: number;
}
