import { Injectable, OnModuleDestroy, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { DashboardChange, DashboardChangeKind, OperationId, Principal, reachOf } from '@sinergi/contracts';
import { Caller } from '@sinergi/platform';
import { GatewayConfig } from '../../gateway.config';
import { mergeChanges } from './read-model-changes';
import { ReadModelChangeListener } from './read-model-change-listener';

const DEFAULT_STREAMS_PER_PROCESS = 200;
const HEARTBEAT_MS = 15_000;
const RECONNECT_AFTER_MS = 3_000;
/** A burst of changes of one kind and programme reaches a browser as at most one event per this window. */
export const COALESCE_MS = 250;

/** The dashboard each kind of change shows up on: a stream hears a change only if its roles may read that dashboard. */
const DASHBOARD_OF_KIND: Readonly<Record<DashboardChangeKind, OperationId>> = {
  classes: 'dashboard.classes',
  enrollments: 'dashboard.classes',
  notifications: 'dashboard.notifications',
  'dead-letters': 'dashboard.dead-letters',
};

/** Whether a principal may hear of a change: it reads the dashboard, and with the `own` reach only of its own venues. */
export function mayHear(principal: Principal, change: DashboardChange): boolean {
  const reach = reachOf(DASHBOARD_OF_KIND[change.kind], principal);
  if (reach === undefined) return false;
  return new Caller(principal, reach).reaches({ venueCodes: change.venueCode ? [change.venueCode] : [] });
}

/** One browser's open event stream: changes it may hear, coalesced per kind and programme, and a heartbeat. */
class LiveStream {
  private readonly pending = new Map<string, DashboardChange>();
  private flushTimer?: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly response: Response,
    private readonly principal: Principal,
  ) {
    this.heartbeat = setInterval(() => this.response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  offer(change: DashboardChange): void {
    if (!mayHear(this.principal, change)) return;
    const key = `${change.kind}/${change.programmeId ?? ''}`;
    const earlier = this.pending.get(key);
    this.pending.set(key, earlier ? mergeChanges(earlier, change) : change);
    this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.flushTimer);
    this.pending.clear();
    if (!this.response.writableEnded) this.response.end();
  }

  private flush(): void {
    this.flushTimer = undefined;
    for (const change of this.pending.values()) this.response.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    this.pending.clear();
  }
}

/**
 * The live streams this process holds open, at most LIVE_STREAMS_PER_PROCESS; each is fed by the one
 * LISTEN connection, and all are ended when the application shuts down.
 */
@Injectable()
export class LiveStreams implements OnModuleInit, OnModuleDestroy {
  private readonly open = new Set<LiveStream>();
  private unsubscribe?: () => void;

  constructor(
    private readonly listener: ReadModelChangeListener,
    private readonly config: GatewayConfig,
  ) {}

  get count(): number {
    return this.open.size;
  }

  onModuleInit(): void {
    this.unsubscribe = this.listener.subscribe((change) => this.open.forEach((stream) => stream.offer(change)));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.open.forEach((stream) => stream.close());
    this.open.clear();
  }

  /** Starts answering with an event stream, or refuses it (503) when the process holds as many as it may. */
  start(response: Response, principal: Principal): void {
    const limit = this.config.LIVE_STREAMS_PER_PROCESS ?? DEFAULT_STREAMS_PER_PROCESS;
    if (this.open.size >= limit) {
      response.setHeader('Retry-After', String(RECONNECT_AFTER_MS / 1000));
      throw new ServiceUnavailableException({
        message: 'Too many live streams are open on this server',
        errors: [
          { field: 'stream', rule: 'streams-available', message: `this server holds at most ${limit} live streams; try again shortly` },
        ],
      });
    }
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    // Proxies such as nginx would otherwise hold the events back in their buffers.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
    const stream = new LiveStream(response, principal);
    this.open.add(stream);
    // The answer closes when the client leaves (or the stream is ended here).
    response.on('close', () => {
      stream.close();
      this.open.delete(stream);
    });
  }
}
