import { ConflictException } from '@nestjs/common';

/** A business rule said no: 409, naming the rule so a client can act on it. */
export function refuse(rule: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', rule, message });
}
