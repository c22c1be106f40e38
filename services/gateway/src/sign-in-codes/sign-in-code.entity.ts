import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SignInCodeChannel } from '@sinergi/contracts';

/** A one-time code sent to a participant. Neither the code nor the identifier is kept: only their HMACs (SIGN_IN_CODE_HMAC_KEY). */
@Entity('sign_in_codes')
@Index(['identifierDigest', 'createdAt'])
export class SignInCode {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'participant_id' })
  participantId!: string;

  /** HMAC of the normalised phone or e-mail the code was asked for with. */
  @Column('bytea', { name: 'identifier_digest' })
  identifierDigest!: Buffer;

  /** HMAC of the code, bound to this row's id. */
  @Column('bytea', { name: 'code_digest' })
  codeDigest!: Buffer;

  @Column('text')
  channel!: SignInCodeChannel;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('integer', { name: 'wrong_tries', default: 0 })
  wrongTries!: number;

  /** Used, worn out by wrong tries, or replaced by a newer code: it opens nothing any more. */
  @Column('timestamptz', { name: 'spent_at', nullable: true })
  spentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One admitted code request, counted against the limits of its identifier, participant and client address (each as an HMAC). */
@Entity('sign_in_code_requests')
@Index(['scope', 'subjectDigest', 'requestedAt'])
export class SignInCodeRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  scope!: string;

  @Column('bytea', { name: 'subject_digest' })
  subjectDigest!: Buffer;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;
}
