import { IsIn, IsOptional } from 'class-validator';
import { FindDeadLettersParams, ServiceName } from '@sinergi/contracts';
import { ServiceDeadLettersQuery } from '@sinergi/platform';
import { OPERATED_SERVICES } from './dead-letter-paging';

const SERVICES_MESSAGE = `service must be one of ${OPERATED_SERVICES.join(', ')}`;

/** `?service=&topic=&limit=&cursor=` of the dead letters of every service. */
export class DeadLettersQuery extends ServiceDeadLettersQuery implements FindDeadLettersParams {
  @IsOptional()
  @IsIn(OPERATED_SERVICES, { message: SERVICES_MESSAGE })
  service?: ServiceName;
}
