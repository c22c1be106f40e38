import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What every event produced inside one unit of work (an HTTP request, a consumed message) inherits. */
export interface TraceContext {
  correlationId: string;
  /** The event that caused this unit of work, when it is a consumer's. */
  causationId?: string;
  traceparent: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function runInTraceContext<T>(context: TraceContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentTraceContext(): TraceContext | undefined {
  return storage.getStore();
}

/**
 * A traceparent for a new span: the same trace as the parent when one is given and valid,
 * a fresh trace otherwise (W3C Trace Context, version 00).
 */
export function childTraceparent(parent?: string): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  const traceId = match && !/^0+$/.test(match[1]) ? match[1] : randomBytes(16).toString('hex');
  const flags = match ? match[3] : '01';
  return `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}

export function traceIdOf(traceparent: string): string | undefined {
  return TRACEPARENT.exec(traceparent)?.[1];
}

export function newTraceContext(incoming: { traceparent?: string; correlationId?: string } = {}): TraceContext {
  return {
    correlationId: incoming.correlationId || randomUUID(),
    traceparent: childTraceparent(incoming.traceparent),
  };
}
