import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ClassChangeReason, ClassOption } from '@sinergi/contracts';

/** open: waiting for the participant's answer; moved or released: answered (or released by the timer); superseded: a later offer replaced it. */
export type OfferState = 'open' | 'moved' | 'released' | 'superseded';

/** What a participant held in the class when it changed, and so takes into the class they move to. */
export type HeldStatus = 'selected' | 'confirmed' | 'reserved';

/** An offer to move to another class of the programme, made when the participant's class was cancelled or rescheduled. */
@Entity('class_change_offers')
export class ClassChangeOffer {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @Column('uuid', { name: 'from_batch_id' })
  fromBatchId!: string;

  @Column('text')
  reason!: ClassChangeReason;

  @Column('text', { name: 'held_status' })
  heldStatus!: HeldStatus;

  @Column('jsonb')
  options!: ClassOption[];

  /** The last day (WIB) to answer. */
  @Column('date', { name: 'respond_by' })
  respondBy!: string;

  @Column('text')
  state!: OfferState;

  @Column('uuid', { name: 'to_batch_id', nullable: true })
  toBatchId!: string | null;

  @Column('timestamptz', { name: 'offered_at' })
  offeredAt!: Date;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;
}
