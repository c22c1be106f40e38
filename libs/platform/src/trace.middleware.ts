import type { NextFunction, Request, Response } from 'express';
import { newTraceContext, runInTraceContext } from '@sinergi/messaging';

const CORRELATION_HEADER = 'x-correlation-id';

/** Every HTTP request runs in a trace context, so the events it causes carry its trace and correlation id. */
export function traceMiddleware(request: Request, response: Response, next: NextFunction): void {
  const context = newTraceContext({
    traceparent: request.header('traceparent'),
    correlationId: request.header(CORRELATION_HEADER)?.slice(0, 100),
  });
  response.setHeader(CORRELATION_HEADER, context.correlationId);
  response.setHeader('traceparent', context.traceparent);
  runInTraceContext(context, next);
}
