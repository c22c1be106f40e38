import { IsOptional, IsString, Length } from 'class-validator';
import type { DrawSelectionRequest } from '@sinergi/contracts';

export class DrawSelectionDto implements DrawSelectionRequest {
  /** Any text; when absent, 128 random bits in hex are drawn and recorded. */
  @IsOptional()
  @IsString({ message: 'seed: must be text' })
  @Length(1, 200, { message: 'seed: must be 1-200 characters' })
  seed?: string;
}
