import { ExecutionContext, HttpException, HttpStatus, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '../gateway.config';
import { isSensitive } from './sensitive-rate-limit';

const MINUTE_MS = 60_000;

/**
 * Requests per minute per client address: one budget over the whole API (the `default` throttler), and a
 * stricter one shared by the routes marked @SensitiveRateLimit(). Too many: 429 problem+json with Retry-After.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  // One counter per client and throttler, not per route: the limits are over the API, not per route.
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return createHash('sha256').update(`${throttler}-${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      {
        message: `Too many requests: at most ${detail.limit} a minute; retry after ${retryAfter} s`,
        errors: [{ field: 'request', rule: 'rate-limit', message: `at most ${detail.limit} requests a minute` }],
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [GatewayConfig, Reflector],
      useFactory: (config: GatewayConfig, reflector: Reflector) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_MINUTE ?? 600 },
          { name: 'sensitive', ttl: MINUTE_MS, limit: config.SENSITIVE_RATE_LIMIT_PER_MINUTE ?? 10, skipIf: (context) => !isSensitive(reflector, context) },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: GatewayThrottlerGuard }],
})
export class RateLimitsModule {}
