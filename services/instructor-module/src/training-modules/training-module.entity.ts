import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A teaching unit (e.g. a 24-JP entrepreneurship module); "training module" keeps Nest's "module" unambiguous. */
@Entity('training_modules')
export class TrainingModule {
  @PrimaryColumn('text', { name: 'code' })
  moduleCode!: string;

  @Column('text')
  title!: string;

  /** Lesson hours (JP, jam pelajaran). */
  @Column('int')
  hours!: number;

  @Column('text', { name: 'owner_party_code' })
  ownerPartyCode!: string;

  @Column('int')
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
