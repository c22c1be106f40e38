import type { ServiceName } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { countDecisions, type Decision, decisionOf, EnrollmentSystem, inParallel, samplePerson } from './enrollment-system';
import { memoryOf, measureSystemCpu } from './system-cpu';

export interface SurgeFigures {
  people: number;
  concurrency: number;
  elapsedSeconds: number;
  decisions: Partial<Record<Decision, number>>;
  enrollmentsPerSecond: number;
  cpuSecondsPerEnrollment: number;
  cpuSeconds: { services: Partial<Record<ServiceName, number>>; postgres: number; broker: number | undefined; total: number };
  /** MB: before the surge (idle) and each process's high-water mark after it. */
  rss: Partial<Record<ServiceName, { idle: number; peak: number }>>;
}

/**
 * N people register and enroll at once through the gateway (`concurrency` of them in flight), from the first request
 * to the last decision message the provider sink caught.
 */
export async function enrollmentSurge(people: number, concurrency: number): Promise<SurgeFigures> {
  const bench = await EnrollmentSystem.start(people, 'surge');
  try {
    const { system, sinks } = bench;
    const idle = Object.fromEntries(system.services.map((service) => [service, memoryOf(system.pid(service))?.rss]));
    const everyone = Array.from({ length: people }, (_, index) => samplePerson(index));
    const cpuSpent = await measureSystemCpu(system);
    const started = Date.now();
    await inParallel(everyone, concurrency, async (person) => bench.enroll(person, await bench.register(person)));
    await waitFor('a decision message to every person', () => everyone.every((person) => decisionOf(sinks, person) !== undefined), {
      timeoutMs: 900_000,
      intervalMs: 250,
    });
    const lastDelivered = Math.max(...everyone.map((person) => decisionOf(sinks, person)!.deliveredAt));
    const cpuSeconds = await cpuSpent();
    const elapsedSeconds = (lastDelivered - started) / 1000;
    const rss = Object.fromEntries(
      system.services.map((service) => [service, { idle: idle[service] ?? NaN, peak: memoryOf(system.pid(service))?.peak ?? NaN }]),
    );
    return {
      people,
      concurrency,
      elapsedSeconds,
      decisions: countDecisions(sinks, everyone),
      enrollmentsPerSecond: people / elapsedSeconds,
      cpuSecondsPerEnrollment: cpuSeconds.total / people,
      cpuSeconds,
      rss,
    };
  } finally {
    await bench.stop();
  }
}

export interface LatencyFigures {
  rate: number;
  seconds: number;
  enrollments: number;
  decisions: Partial<Record<Decision, number>>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Enrollment requests at a fixed rate through the gateway, by people registered beforehand (not timed), each from its
 * request to its decision message in the provider sink.
 */
export async function enrollmentLatency(rate: number, seconds: number): Promise<LatencyFigures> {
  const total = rate * seconds;
  const bench = await EnrollmentSystem.start(total, 'latency');
  try {
    const everyone = Array.from({ length: total }, (_, index) => samplePerson(index));
    const principals = new Map<number, Awaited<ReturnType<EnrollmentSystem['register']>>>();
    await inParallel(everyone, 20, async (person) => void principals.set(person.index, await bench.register(person)));
    const requestedAt = new Map<number, number>();
    const started = Date.now();
    const requests: Promise<void>[] = [];
    for (const person of everyone) {
      const due = started + (person.index * 1000) / rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      requestedAt.set(person.index, Date.now());
      requests.push(bench.enroll(person, principals.get(person.index)!));
    }
    await Promise.all(requests);
    await waitFor('a decision message to every person', () => everyone.every((person) => decisionOf(bench.sinks, person) !== undefined), {
      timeoutMs: 600_000,
      intervalMs: 250,
    });
    const sorted = everyone.map((person) => decisionOf(bench.sinks, person)!.deliveredAt - requestedAt.get(person.index)!).sort((a, b) => a - b);
    return { rate, seconds, enrollments: total, decisions: countDecisions(bench.sinks, everyone), p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)! };
  } finally {
    await bench.stop();
  }
}
