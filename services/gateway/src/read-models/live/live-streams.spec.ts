import { EventEmitter } from 'node:events';
import { ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { DashboardChange, Principal } from '@sinergi/contracts';
import { GatewayConfig } from '../../gateway.config';
import { COALESCE_MS, LiveStreams, mayHear } from './live-streams';
import { ChangeSubscriber, ReadModelChangeListener } from './read-model-change-listener';

const admin: Principal = { subject: 'admin', roles: ['kemnaker-admin'], venueCodes: [] };
const operator: Principal = { subject: 'operator', roles: ['venue-operator'], venueCodes: ['BLK-BDG'] };
const viewer: Principal = { subject: 'viewer', roles: ['viewer'], venueCodes: [] };
const integration: Principal = { subject: 'integration', roles: ['integration-operator'], venueCodes: [] };

/** Just enough of an express answer to see what a stream writes; it closes when ended, like a real one. */
function fakeResponse() {
  const written: string[] = [];
  const response = Object.assign(new EventEmitter(), {
    writableEnded: false,
    status: () => response,
    setHeader: () => response,
    flushHeaders: () => undefined,
    write: (chunk: string) => written.push(chunk) > 0,
    end: () => {
      response.writableEnded = true;
      response.emit('close');
    },
  });
  return { response: response as unknown as Response, written, ended: () => response.writableEnded, leave: () => response.emit('close') };
}

describe('live streams', () => {
  let publish: ChangeSubscriber;
  let streams: LiveStreams;

  beforeEach(() => {
    jest.useFakeTimers();
    const listener = {
      subscribe: (subscriber: ChangeSubscriber) => ((publish = subscriber), () => undefined),
    } as unknown as ReadModelChangeListener;
    streams = new LiveStreams(listener, Object.assign(new GatewayConfig(), { LIVE_STREAMS_PER_PROCESS: 1 }));
    streams.onModuleInit();
  });

  afterEach(() => {
    streams.onModuleDestroy();
    jest.useRealTimers();
  });

  it('sends the reconnect delay, a heartbeat every 15 s, and a burst of one programme as one change after 250 ms', () => {
    const { response, written } = fakeResponse();
    streams.start(response, admin);
    expect(written).toEqual(['retry: 3000\n\n']);
    jest.advanceTimersByTime(15_000);
    expect(written.slice(1)).toEqual([': heartbeat\n\n']);

    const change = (batchId: string): DashboardChange => ({ kind: 'enrollments', programmeId: 'p1', provinceCode: '32', batchId });
    publish(change('b1'));
    publish(change('b2'));
    publish({ kind: 'notifications' });
    jest.advanceTimersByTime(COALESCE_MS - 1);
    expect(written).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(written.slice(2)).toEqual([
      'event: change\ndata: {"kind":"enrollments","programmeId":"p1","provinceCode":"32"}\n\n',
      'event: change\ndata: {"kind":"notifications"}\n\n',
    ]);
  });

  it('refuses a stream past the limit, lets one go when its client leaves, and ends the rest on shutdown', () => {
    const first = fakeResponse();
    streams.start(first.response, admin);
    expect(() => streams.start(fakeResponse().response, admin)).toThrow(ServiceUnavailableException);

    first.leave();
    expect([streams.count, first.ended(), jest.getTimerCount()]).toEqual([0, true, 0]);

    const second = fakeResponse();
    streams.start(second.response, admin);
    streams.onModuleDestroy();
    expect([streams.count, second.ended(), jest.getTimerCount()]).toEqual([0, true, 0]);
  });

  it('lets each role hear only the dashboards it reads, and a venue operator only its own venues', () => {
    const bandung: DashboardChange = { kind: 'classes', venueCode: 'BLK-BDG' };
    const semarang: DashboardChange = { kind: 'enrollments', venueCode: 'BLK-SMG' };
    const noVenueYet: DashboardChange = { kind: 'enrollments', batchId: 'b1' };
    const deadLetters: DashboardChange = { kind: 'dead-letters' };
    expect([bandung, semarang, noVenueYet, deadLetters].map((change) => mayHear(operator, change))).toEqual([true, false, false, false]);
    expect([bandung, semarang, noVenueYet, deadLetters].map((change) => mayHear(viewer, change))).toEqual([true, true, true, false]);
    expect([bandung, { kind: 'notifications' as const }, deadLetters].map((change) => mayHear(integration, change))).toEqual([
      false,
      false,
      true,
    ]);
    expect([bandung, semarang, noVenueYet, deadLetters].every((change) => mayHear(admin, change))).toBe(true);
  });
});
