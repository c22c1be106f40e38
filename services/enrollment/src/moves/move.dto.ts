import { IsUUID } from 'class-validator';

export class MoveDto {
  /** One of the classes the offer listed. */
  @IsUUID('all', { message: 'batchId: must be a UUID, one of the offered classes' })
  batchId!: string;
}
