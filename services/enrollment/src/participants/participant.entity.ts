import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BusinessScale, Gender, IdentityStatus, Language } from '@sinergi/contracts';

/** A micro or small business owner. The NIK is only stored encrypted, with a keyed blind index and its masked form. */
@Entity('participants')
export class Participant {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('bytea', { name: 'nik_ciphertext' })
  nikCiphertext!: Buffer;

  @Column('bytea', { name: 'nik_index' })
  nikIndex!: Buffer;

  @Column('text', { name: 'masked_nik' })
  maskedNik!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('date', { name: 'birth_date' })
  birthDate!: string;

  @Column('text')
  gender!: Gender;

  /** E.164, +628... */
  @Column('text')
  phone!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('text', { name: 'business_nib', nullable: true })
  businessNib!: string | null;

  @Column('text', { name: 'business_scale' })
  businessScale!: BusinessScale;

  @Column('text', { name: 'business_sector' })
  businessSector!: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  /** The language messages to the participant are written in. */
  @Column('text')
  language!: Language;

  @Column('text', { name: 'identity_status' })
  identityStatus!: IdentityStatus;

  @Column('timestamptz', { name: 'identity_checked_at', nullable: true })
  identityCheckedAt!: Date | null;
}
