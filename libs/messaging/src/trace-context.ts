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

/**
 * Ids are cut from a block of random bytes drawn at once: a draw costs about the same for 8 bytes as for 4 KiB, and a
 * span id is drawn for every request, service call and consumed event (as node:crypto's randomUUID buffers too).
 */
const RANDOM_BLOCK_BYTES = 4096;
let randomBlock = Buffer.alloc(0);
let randomOffset = 0;

function randomHex(bytes: number): string {
  if (randomOffset + bytes > randomBlock.length) {
    randomBlock = randomBytes(RANDOM_BLOCK_BYTES);
    randomOffset = 0;
  }
  randomOffset += bytes;
  return randomBlock.toString('hex', randomOffset - bytes, randomOffset);
}

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
  const traceId = match && !/^0+$/.test(match[1]) ? match[1] : randomHex(16);
  const flags = match ? match[3] : '01';
  return `00-${traceId}-${randomHex(8)}-${flags}`;
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
