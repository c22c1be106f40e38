import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

const SENSITIVE = 'gateway:sensitive-rate-limit';

/** Puts a route under SENSITIVE_RATE_LIMIT_PER_MINUTE as well as the global limit (registration, certificate checks, sign-in). */
export const SensitiveRateLimit = () => SetMetadata(SENSITIVE, true);

export function isSensitive(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean | undefined>(SENSITIVE, [context.getHandler(), context.getClass()]) === true;
}
