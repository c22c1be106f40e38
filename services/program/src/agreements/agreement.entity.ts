import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementKind, AgreementParty, AgreementStatus } from '@sinergi/contracts';

@Entity('agreements')
export class Agreement {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: AgreementKind;

  @Column('text', { unique: true })
  number!: string;

  @Column('text')
  title!: string;

  @Column('date', { name: 'signed_on' })
  signedOn!: string;

  @Column('date', { name: 'valid_until', nullable: true })
  validUntil!: string | null;

  @Column('uuid', { name: 'parent_agreement_id', nullable: true })
  parentAgreementId!: string | null;

  @Column('jsonb')
  parties!: AgreementParty[];

  @Column('int', { name: 'participant_ceiling', nullable: true })
  participantCeiling!: number | null;

  @Column('text')
  status!: AgreementStatus;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
