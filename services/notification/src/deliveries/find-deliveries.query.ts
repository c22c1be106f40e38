import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';

export class FindDeliveriesQuery {
  @ValidateIf((query: FindDeliveriesQuery) => query.correlationId === undefined)
  @IsUUID('all', { message: 'eventId must be a UUID (give eventId or correlationId)' })
  eventId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  correlationId?: string;
}
