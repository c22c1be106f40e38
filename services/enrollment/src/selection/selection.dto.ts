import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DRAW_OUTCOMES, DrawOutcome, DrawSelectionRequest, SelectionEntriesParams } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';

export class DrawSelectionDto implements DrawSelectionRequest {
  /** Any text; when absent, 128 random bits in hex are drawn and recorded. */
  @IsOptional()
  @IsString({ message: 'seed: must be text' })
  @Length(1, 200, { message: 'seed: must be 1-200 characters' })
  seed?: string;
}

export class SelectionEntriesQuery extends PageQuery implements SelectionEntriesParams {
  @IsOptional()
  @IsIn(DRAW_OUTCOMES, { message: `outcome must be one of: ${DRAW_OUTCOMES.join(', ')}` })
  outcome?: DrawOutcome;
}
