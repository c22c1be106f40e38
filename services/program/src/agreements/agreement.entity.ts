import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementParty } from '@sinergi/contracts';

export type AgreementKind = 'MOU' | 'PKS';

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

  @Column('text')
  status!: 'signed';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
