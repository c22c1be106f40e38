import { IsUUID } from 'class-validator';
import type { MoveEnrollmentRequest } from '@sinergi/contracts';

export class MoveDto implements MoveEnrollmentRequest {
  /** One of the classes the offer listed. */
  @IsUUID('all', { message: 'batchId: must be a UUID, one of the offered classes' })
  batchId!: string;
}
