import { IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import type { FindDeliveriesParams } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';

/** Exactly one of eventId, correlationId, recipient and batchId, and the page. */
export class FindDeliveriesQuery extends PageQuery implements FindDeliveriesParams {
  @ValidateIf((query: FindDeliveriesQuery) => query.correlationId === undefined && query.recipient === undefined && query.batchId === undefined)
  @IsUUID('all', { message: 'eventId must be a UUID (give eventId, correlationId, recipient or batchId)' })
  eventId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'correlationId must be 1-100 characters' })
  correlationId?: string;

  @IsOptional()
  @Matches(/^(participant|instructor|venue-operator|admin):[A-Za-z0-9_.-]{1,40}$/, {
    message: 'recipient must be <kind>:<id> with kind participant, instructor, venue-operator or admin, e.g. participant:6f1c9a52-0d3e-4d8b-9a57-2b1f0c7e4a10',
  })
  recipient?: string;

  @IsOptional()
  @IsUUID('all', { message: 'batchId must be a class id (a UUID)' })
  batchId?: string;
}
