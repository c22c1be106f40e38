import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BusinessScale, DrawOutcome } from '@sinergi/contracts';

/** One enrollment of a drawn pool at its place in the draw, with its sort key and what it got. */
@Entity('selection_entries')
export class SelectionEntry {
  @PrimaryColumn('uuid', { name: 'programme_id' })
  programmeId!: string;

  @PrimaryColumn('int')
  position!: number;

  @Column('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @Column('uuid', { name: 'participant_id' })
  participantId!: string;

  @Column('text', { name: 'lottery_key', nullable: true })
  lotteryKey!: string | null;

  @Column('double precision', { nullable: true })
  score!: number | null;

  @Column('text', { name: 'business_scale' })
  businessScale!: BusinessScale;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('text')
  outcome!: DrawOutcome;

  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @Column('int', { name: 'reserve_rank', nullable: true })
  reserveRank!: number | null;
}
