import type { ServiceName } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { countDecisions, type Decision, decisionOf, EnrollmentSystem, inParallel, type SamplePerson, samplePerson } from './enrollment-system';
import { memoryOf, measureSystemCpu } from './system-cpu';

export interface SurgeFigures {
  people: number;
  concurrency: number;
  elapsedSeconds: number;
  /** From the first request until every registration and enrollment request was answered. */
  requestsSeconds: number;
  decisions: Partial<Record<Decision, number>>;
  enrollmentsPerSecond: number;
  cpuSecondsPerEnrollment: number;
  cpuSeconds: { services: Partial<Record<ServiceName, number>>; postgres: number; broker: number | undefined; total: number };
  /** The bench's own process (the HTTP clients and the sink): not in the total, which is the system's. */
  clientCpuSeconds: number;
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
    const clientCpuBefore = process.cpuUsage();
    await inParallel(everyone, concurrency, async (person) => bench.enroll(person, await bench.register(person)));
    const requestsSeconds = (Date.now() - started) / 1000;
    await waitFor('a decision message to every person', () => everyone.every((person) => decisionOf(sinks, person) !== undefined), {
      timeoutMs: 900_000,
      intervalMs: 250,
    });
    const lastDelivered = Math.max(...everyone.map((person) => decisionOf(sinks, person)!.deliveredAt));
    const cpuSeconds = await cpuSpent();
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const elapsedSeconds = (lastDelivered - started) / 1000;
    const rss = Object.fromEntries(
      system.services.map((service) => [service, { idle: idle[service] ?? NaN, peak: memoryOf(system.pid(service))?.peak ?? NaN }]),
    );
    return {
      people,
      concurrency,
      elapsedSeconds,
      requestsSeconds,
      decisions: countDecisions(sinks, everyone),
      enrollmentsPerSecond: people / elapsedSeconds,
      cpuSecondsPerEnrollment: cpuSeconds.total / people,
      cpuSeconds,
      clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
      rss,
    };
  } finally {
    await bench.stop();
  }
}

export interface LatencyFigures {
  rate: number;
  seconds: number;
  /** Requests sent per second, as the timer let them go. */
  achievedRate: number;
  /** Those that answered 201. */
  enrollments: number;
  /** Requests that failed, by error. */
  failures: Record<string, number>;
  decisions: Partial<Record<Decision, number>>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The error's own message and its cause's (fetch names the socket error only in the cause), without who or where, to count alike ones together. */
function describe(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error };
  const described = cause?.message ? `${message}: ${cause.message}` : message;
  return described.replace(/sample person \d+ /, '').replace(/ \(attempted address: [^)]*\)/, '');
}

/**
 * Enrollment requests at a fixed rate through the gateway (open loop: a request does not wait for the one before), by
 * people registered beforehand (not timed), each from its request to its decision message in the provider sink. A
 * request that fails is counted with its error and left out of the percentiles.
 */
export async function enrollmentLatency(rate: number, seconds: number): Promise<LatencyFigures> {
  const total = rate * seconds;
  const bench = await EnrollmentSystem.start(total, 'latency');
  try {
    const everyone = Array.from({ length: total }, (_, index) => samplePerson(index));
    const principals = new Map<number, Awaited<ReturnType<EnrollmentSystem['register']>>>();
    await inParallel(everyone, 20, async (person) => void principals.set(person.index, await bench.register(person)));
    const requestedAt = new Map<number, number>();
    const failures: Record<string, number> = {};
    const enrolled: SamplePerson[] = [];
    const started = Date.now();
    const requests: Promise<void>[] = [];
    for (const person of everyone) {
      const due = started + (person.index * 1000) / rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      requestedAt.set(person.index, Date.now());
      requests.push(
        bench.enroll(person, principals.get(person.index)!).then(
          () => void enrolled.push(person),
          (error: unknown) => void (failures[describe(error)] = (failures[describe(error)] ?? 0) + 1),
        ),
      );
    }
    const requestSeconds = (Date.now() - started) / 1000;
    await Promise.all(requests);
    await waitFor('a decision message to every person enrolled', () => enrolled.every((person) => decisionOf(bench.sinks, person) !== undefined), {
      timeoutMs: 900_000,
      intervalMs: 250,
    });
    const sorted = enrolled.map((person) => decisionOf(bench.sinks, person)!.deliveredAt - requestedAt.get(person.index)!).sort((a, b) => a - b);
    return {
      rate,
      seconds,
      achievedRate: total / requestSeconds,
      enrollments: enrolled.length,
      failures,
      decisions: countDecisions(bench.sinks, enrolled),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
    };
  } finally {
    await bench.stop();
  }
}
