import { IsOptional, Matches } from 'class-validator';
import { FindServiceDeadLettersParams } from '@sinergi/contracts';
import { PageQuery } from '../pagination';

/** Kafka's own rule for a topic name. */
export const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/** `?topic=&limit=&cursor=` of a service's dead letters. */
export class ServiceDeadLettersQuery extends PageQuery implements FindServiceDeadLettersParams {
  @IsOptional()
  @Matches(TOPIC_NAME, { message: 'topic must be a Kafka topic name (letters, digits, ".", "_", "-"; at most 249)' })
  topic?: string;
}
