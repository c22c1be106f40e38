/**
 * `npm run bench`: throughput and latency of the platform on one broker and one database, printed, written as JSON to
 * .cache/bench/report.json and as a bar chart of the throughputs against the commit rate to docs/bench.svg.
 * Sections (BENCH_SECTIONS=surge,latency runs some; all by default):
 *   raw         raw kafkajs produce+consume: the broker's ceiling;
 *   throughput  outbox -> relay -> Kafka -> inbox transport -> handler commit: events/s through the backbone;
 *   backbone-latency  append commit to handler commit at a fixed rate: p50/p95/p99;
 *   append      Outbox.append of many events in one transaction: events/s and CPU per 1,000 events;
 *   postgres    single-row INSERTs, one commit each, from many clients: the database's ceiling (measured too for
 *               draw, surge and nominations, whose rates are given as a share of it);
 *   draw        a lottery draw over a national pool (SelectionService): entries/s, CPU per 1,000 entries;
 *   surge       N people register and enroll at once through the gateway's public API, until the last decision
 *               message reaches the provider sink: enrollments/s, CPU s per enrollment of every process, RSS idle/peak;
 *   latency     enrollment request to decision message at a fixed rate: p50/p95/p99;
 *   nominations KemenUMKM nomination records through the integration topic until their results: records/s, CPU s per
 *               record of every process meanwhile;
 *   planning    one bulk planning request for 625 classes in 20 provinces: time until all settled, how many failed,
 *               CPU s of each process meanwhile;
 *   dashboard   the dashboard's first load in headless Chromium over 625 classes x 16 participants;
 *   rss         the six services as processes, compiled (SINERGI_RUN_FROM_SOURCE=1: through ts-node): RSS at idle.
 * Sizes: BENCH_RAW_MESSAGES, BENCH_BACKBONE_EVENTS, BENCH_LATENCY_RATE, BENCH_LATENCY_SECONDS, BENCH_APPEND_EVENTS,
 * BENCH_APPEND_ROUNDS, BENCH_PG_CLIENTS, BENCH_PG_COMMITS, BENCH_DRAW_POOL, BENCH_SURGE_N, BENCH_SURGE_CONCURRENCY,
 * BENCH_E2E_RATE, BENCH_E2E_SECONDS, BENCH_NOMINATION_RECORDS, BENCH_PLANNING_CLASSES, BENCH_DASHBOARD_CLASSES,
 * BENCH_DASHBOARD_LOADS, BENCH_RSS_SETTLE_MS.
 */
import { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopicOf } from '@sinergi/contracts';
import { kafkaClientConfig, type KafkaConnection, Outbox, OutboxRelay } from '@sinergi/messaging';
import { createTestTopics, uniqueName, waitFor } from '@sinergi/testing';
import { exportTestInfrastructure, provideTestInfrastructure } from '../libs/testing/src/test-infrastructure';
import { startEffectsApp } from '../libs/messaging/test/fixtures/effects-app';
import { createMessagingDatabase } from '../libs/messaging/test/fixtures/messaging-database';
import { TEST_EVENT_TYPE, testCatalog, testThingHappenedEvent } from '../libs/messaging/test/fixtures/test-events';
import { rawCommitRate } from './postgres-ceiling';
import { type BenchReport, CHART_FILE, REPORT_FILE, type SectionResult, writeReport } from './report';
import { timeDraw } from './selection-draw';
import { idleRss } from './service-rss';
import { bulkPlanning } from './system/bulk-planning';
import { dashboardFirstLoad } from './system/dashboard-load';
import { enrollmentLatency, enrollmentSurge } from './system/enrollment-surge';
import { serviceOutputFile } from './system/enrollment-system';
import { nominationThroughput } from './system/nominations';

const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 50_000);
const BACKBONE_EVENTS = Number(process.env.BENCH_BACKBONE_EVENTS ?? 10_000);
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 100);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const APPEND_EVENTS = Number(process.env.BENCH_APPEND_EVENTS ?? 10_000);
const APPEND_ROUNDS = Number(process.env.BENCH_APPEND_ROUNDS ?? 5);
const PG_CLIENTS = Number(process.env.BENCH_PG_CLIENTS ?? 32);
const PG_COMMITS = Number(process.env.BENCH_PG_COMMITS ?? 40_000);
const DRAW_POOL = Number(process.env.BENCH_DRAW_POOL ?? 16_500);
const RSS_SETTLE_MS = Number(process.env.BENCH_RSS_SETTLE_MS ?? 15_000);
const SURGE_N = Number(process.env.BENCH_SURGE_N ?? 1_000);
const SURGE_CONCURRENCY = Number(process.env.BENCH_SURGE_CONCURRENCY ?? 100);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 200);
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 10);
const NOMINATION_RECORDS = Number(process.env.BENCH_NOMINATION_RECORDS ?? 4_000);
const PLANNING_CLASSES = Number(process.env.BENCH_PLANNING_CLASSES ?? 625);
const DASHBOARD_CLASSES = Number(process.env.BENCH_DASHBOARD_CLASSES ?? 625);
const DASHBOARD_LOADS = Number(process.env.BENCH_DASHBOARD_LOADS ?? 5);
const SECTIONS = ['raw', 'throughput', 'backbone-latency', 'append', 'postgres', 'draw', 'surge', 'latency', 'nominations', 'planning', 'dashboard', 'rss'];
const CHOSEN = process.env.BENCH_SECTIONS?.split(',').map((name) => name.trim());
const unknownSection = CHOSEN?.find((name) => !SECTIONS.includes(name));
if (unknownSection) throw new Error(`BENCH_SECTIONS names "${unknownSection}", which is none of ${SECTIONS.join(', ')}`);
const PARTITIONS = 3;
const PAYLOAD = { seq: 0 };

function rate(count: number, ms: number): number {
  return (count * 1000) / ms;
}

function perSecond(count: number, ms: number): string {
  return `${Math.round(rate(count, ms)).toLocaleString('en-US')} /s`;
}

async function rawKafka(connection: KafkaConnection): Promise<SectionResult> {
  const topic = uniqueName('bench.raw');
  await createTestTopics([topic], PARTITIONS);
  const kafka = new Kafka(kafkaClientConfig(connection, 'bench', { logLevel: logLevel.NOTHING }));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: uniqueName('bench-raw') });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  await consumer.run({ eachMessage: async () => void (consumed += 1) });
  const value = JSON.stringify({ specversion: '1.0', type: TEST_EVENT_TYPE, data: PAYLOAD, padding: 'x'.repeat(300) });
  const started = Date.now();
  for (let sent = 0; sent < RAW_MESSAGES; sent += 1_000) {
    const messages = Array.from({ length: Math.min(1_000, RAW_MESSAGES - sent) }, (_, index) => ({ key: `k${(sent + index) % 64}`, value }));
    await producer.send({ topic, acks: -1, messages });
  }
  const produced = Date.now() - started;
  await waitFor('every raw message consumed', () => consumed >= RAW_MESSAGES, { timeoutMs: 300_000, intervalMs: 20 });
  const total = Date.now() - started;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return {
    line: `raw kafkajs, ${RAW_MESSAGES} messages of ~400 B, ${PARTITIONS} partitions: produce ${perSecond(RAW_MESSAGES, produced)}, produce+consume ${perSecond(RAW_MESSAGES, total)}`,
    figures: { messages: RAW_MESSAGES, producedPerSecond: rate(RAW_MESSAGES, produced), producedAndConsumedPerSecond: rate(RAW_MESSAGES, total) },
  };
}

interface Backbone {
  dataSource: DataSource;
  outbox: Outbox;
  stop(): Promise<void>;
}

async function startBackbone(connection: KafkaConnection, label: string): Promise<Backbone> {
  const topic = uniqueName(`bench.${label}`);
  await createTestTopics([topic, deadLetterTopicOf(topic)], PARTITIONS);
  const { database, dataSource } = await createMessagingDatabase(`bench_${label}`);
  const catalog = testCatalog(topic);
  const relay = new OutboxRelay({ ...connection, clientId: 'bench', dataSource, databaseUrl: database.url });
  await relay.start();
  const app: INestApplication = await startEffectsApp(database.url, { ...connection, clientId: 'bench', groupId: uniqueName('bench'), catalog });
  return {
    dataSource,
    outbox: new Outbox(catalog, '/sinergi/bench'),
    stop: async () => {
      await app.close();
      await relay.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

async function countEffects(dataSource: DataSource): Promise<number> {
  return (await dataSource.query('SELECT count(*)::int AS n FROM effects'))[0].n;
}

async function throughput(connection: KafkaConnection): Promise<SectionResult> {
  const backbone = await startBackbone(connection, 'throughput');
  const perTransaction = 100;
  const started = Date.now();
  for (let appended = 0; appended < BACKBONE_EVENTS; appended += perTransaction) {
    await backbone.dataSource.transaction((manager) =>
      backbone.outbox.append(
        manager,
        ...Array.from({ length: perTransaction }, (_, index) =>
          testThingHappenedEvent.with(`k${(appended + index) % 64}`, { seq: appended + index }),
        ),
      ),
    );
  }
  const appendedMs = Date.now() - started;
  await waitFor('every event handled', async () => (await countEffects(backbone.dataSource)) >= BACKBONE_EVENTS, { timeoutMs: 600_000, intervalMs: 100 });
  const total = Date.now() - started;
  await backbone.stop();
  return {
    line: `outbox -> consumer commit, ${BACKBONE_EVENTS} events (appended ${perTransaction} per transaction in ${appendedMs} ms): ${perSecond(BACKBONE_EVENTS, total)}`,
    figures: { events: BACKBONE_EVENTS, eventsPerSecond: rate(BACKBONE_EVENTS, total) },
  };
}

async function backboneLatency(connection: KafkaConnection): Promise<SectionResult> {
  const backbone = await startBackbone(connection, 'latency');
  const total = LATENCY_RATE * LATENCY_SECONDS;
  const interval = 1000 / LATENCY_RATE;
  const started = Date.now();
  const appends: Promise<unknown>[] = [];
  for (let seq = 0; seq < total; seq += 1) {
    const due = started + seq * interval;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    appends.push(
      backbone.dataSource.transaction((manager) => backbone.outbox.append(manager, testThingHappenedEvent.with(`k${seq % 64}`, { seq }))),
    );
  }
  await Promise.all(appends);
  await waitFor('every event handled', async () => (await countEffects(backbone.dataSource)) >= total, { timeoutMs: 120_000, intervalMs: 100 });
  const latencies: Array<{ ms: number }> = await backbone.dataSource.query(
    'SELECT extract(epoch FROM (handled_at - event_time)) * 1000 AS ms FROM effects',
  );
  const sorted = latencies.map((row) => Number(row.ms)).sort((a, b) => a - b);
  await backbone.stop();
  const figures = { rate: LATENCY_RATE, seconds: LATENCY_SECONDS, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
  return {
    line: `backbone latency at ${LATENCY_RATE} events/s for ${LATENCY_SECONDS} s (${total} events, one per transaction): ${milliseconds(figures)}`,
    figures,
  };
}

/** The process's CPU (this process builds and validates the envelopes; PostgreSQL's own CPU is not counted). */
async function bulkAppend(): Promise<SectionResult> {
  const { database, dataSource } = await createMessagingDatabase('bench_append');
  const outbox = new Outbox(testCatalog(uniqueName('bench.append')), '/sinergi/bench');
  let elapsedMs = 0;
  let cpuMicros = 0;
  for (let round = 0; round < APPEND_ROUNDS; round += 1) {
    const events = Array.from({ length: APPEND_EVENTS }, (_, seq) => testThingHappenedEvent.with(`k${seq % 64}`, { seq }));
    const cpu = process.cpuUsage();
    const started = performance.now();
    await dataSource.transaction((manager) => outbox.append(manager, ...events));
    elapsedMs += performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    await dataSource.query('TRUNCATE outbox');
  }
  await dataSource.destroy();
  await database.drop();
  const appended = APPEND_EVENTS * APPEND_ROUNDS;
  const cpuPerThousand = cpuMicros / 1e6 / (appended / 1_000);
  return {
    line: `Outbox.append, ${APPEND_EVENTS} events in one transaction x ${APPEND_ROUNDS}: ${perSecond(appended, elapsedMs)}, ${cpuPerThousand.toFixed(3)} CPU s per 1,000 events (this process)`,
    figures: { events: appended, eventsPerSecond: rate(appended, elapsedMs), cpuSecondsPerThousand: cpuPerThousand },
  };
}

async function postgresCeiling(): Promise<{ line: string; figures: { commitsPerSecond: number; clients: number; commits: number } }> {
  const commitsPerSecond = await rawCommitRate(PG_CLIENTS, PG_COMMITS);
  return {
    figures: { commitsPerSecond, clients: PG_CLIENTS, commits: PG_COMMITS },
    line: `raw PostgreSQL, ${PG_COMMITS} single-row INSERTs, one commit each, from ${PG_CLIENTS} clients: ${perSecond(commitsPerSecond, 1000)}`,
  };
}

async function selectionDraw(commitsPerSecond: number): Promise<SectionResult> {
  const { elapsedMs, cpuSeconds, outcomes } = await timeDraw(DRAW_POOL);
  const entriesPerSecond = (DRAW_POOL * 1000) / elapsedMs;
  const perThousand = (seconds: number) => (seconds / (DRAW_POOL / 1_000)).toFixed(3);
  const backend = cpuSeconds.backend === undefined ? 'PostgreSQL backend not readable from /proc' : `${perThousand(cpuSeconds.backend)} the PostgreSQL backend`;
  const line =
    `lottery draw over ${DRAW_POOL} enrollments in 100 classes (${outcomes.selected} selected, ${outcomes.reserved} reserved, ${outcomes['not-selected']} not selected): ` +
    `${(elapsedMs / 1000).toFixed(2)} s, ${perSecond(DRAW_POOL, elapsedMs)} entries = ${((entriesPerSecond / commitsPerSecond) * 100).toFixed(1)}% of the raw commit rate; ` +
    `CPU s per 1,000 entries: ${perThousand(cpuSeconds.process)} this process, ${backend}`;
  return { line, figures: { pool: DRAW_POOL, elapsedMs, entriesPerSecond, cpuSeconds, outcomes } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function milliseconds(figures: { p50: number; p95: number; p99: number; max: number }): string {
  return `p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms`;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function outcomes(decisions: object): string {
  return Object.entries(decisions).map(([decision, count]) => `${count} ${decision}`).join(', ');
}

function share(ratePerSecond: number, commitsPerSecond: number): string {
  return `${((ratePerSecond / commitsPerSecond) * 100).toFixed(1)}% of the raw commit rate`;
}

async function surge(commitsPerSecond: number): Promise<SectionResult> {
  const figures = await enrollmentSurge(SURGE_N, SURGE_CONCURRENCY);
  const { services, postgres, broker } = figures.cpuSeconds;
  const perEnrollment = (seconds: number | undefined) => (seconds === undefined ? '?' : (seconds / figures.people).toFixed(4));
  const rss = Object.entries(figures.rss).map(([service, { idle, peak }]) => `${service} ${idle.toFixed(0)}/${peak.toFixed(0)}`);
  return {
    line:
      `enrollment surge, ${figures.people} people registering and enrolling through the gateway (${figures.concurrency} at a time), first request to last decision message: ` +
      `${figures.elapsedSeconds.toFixed(1)} s (${outcomes(figures.decisions)}; every request answered after ${figures.requestsSeconds.toFixed(1)} s), ${figures.enrollmentsPerSecond.toFixed(1)} enrollments/s = ${share(figures.enrollmentsPerSecond, commitsPerSecond)}; ` +
      `CPU s per enrollment ${figures.cpuSecondsPerEnrollment.toFixed(4)} (${Object.entries(services).map(([service, seconds]) => `${service} ${perEnrollment(seconds)}`).join(', ')}, ` +
      `PostgreSQL backends ${perEnrollment(postgres)}, broker ${perEnrollment(broker)}; the bench's own clients ${perEnrollment(figures.clientCpuSeconds)}, not in the total); RSS idle/peak MB: ${rss.join(', ')}`,
    figures: { ...figures, shareOfCommitRate: figures.enrollmentsPerSecond / commitsPerSecond },
  };
}

async function latency(): Promise<SectionResult> {
  const figures = await enrollmentLatency(E2E_RATE, E2E_SECONDS);
  const failed = Object.entries(figures.failures).map(([error, count]) => `${count} x ${error}`);
  return {
    line:
      `enrollment request to decision message at ${figures.rate}/s for ${figures.seconds} s (sent at ${figures.achievedRate.toFixed(0)}/s; ${figures.enrollments} enrolled: ${outcomes(figures.decisions)}` +
      `${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}): ${milliseconds(figures)}`,
    figures,
  };
}

async function nominations(commitsPerSecond: number): Promise<SectionResult> {
  const figures = await nominationThroughput(NOMINATION_RECORDS);
  const { services, postgres, broker, total } = figures.cpuSeconds;
  const perRecord = (seconds: number | undefined) => (seconds === undefined ? '?' : (seconds / figures.records).toFixed(4));
  const cpu = `${perRecord(total)} (${Object.entries(services).map(([service, used]) => `${service} ${perRecord(used)}`).join(', ')}, PostgreSQL backends ${perRecord(postgres)}, broker ${perRecord(broker)})`;
  return {
    line:
      `nominations, ${figures.records} records in ${figures.messages} message(s) on the integration topic, publish to last result: ${figures.elapsedSeconds.toFixed(1)} s, ` +
      `${figures.recordsPerSecond.toFixed(1)} records/s = ${share(figures.recordsPerSecond, commitsPerSecond)} (${figures.accepted} accepted, ${figures.rejected} rejected); ` +
      `CPU s per record meanwhile, identity checks and decisions included: ${cpu}`,
    figures: { ...figures, shareOfCommitRate: figures.recordsPerSecond / commitsPerSecond },
  };
}

async function planning(): Promise<SectionResult> {
  const figures = await bulkPlanning(PLANNING_CLASSES);
  const { services, postgres, broker, total } = figures.cpuSeconds;
  const seconds = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(2));
  const cpu = `${seconds(total)} (${Object.entries(services).map(([service, used]) => `${service} ${seconds(used)}`).join(', ')}, PostgreSQL backends ${seconds(postgres)}, broker ${seconds(broker)})`;
  return {
    line:
      `bulk planning of ${figures.classes} classes (60 venues x 4 rooms, 236 instructors, 20 provinces): all settled after ${figures.secondsToSettled.toFixed(1)} s, ` +
      `${figures.confirmed} confirmed, ${figures.failed} failed, ${figures.unplaced} not placed by the planner; CPU s meanwhile ${cpu}`,
    figures,
  };
}

async function dashboard(): Promise<SectionResult> {
  const figures = await dashboardFirstLoad(DASHBOARD_CLASSES, DASHBOARD_LOADS);
  const calls = Object.entries(figures.apiCalls).map(([path, durations]) => `${path} ${median(durations).toFixed(0)} ms`);
  return {
    line:
      `dashboard first load over ${figures.classes} classes / ${figures.participants} participants, ${figures.loads} fresh contexts (medians): first figure ${median(figures.msToFirstFigure).toFixed(0)} ms, ` +
      `all classes shown ${median(figures.msToAllClasses).toFixed(0)} ms, ${(median(figures.bytesTransferred) / 1024).toFixed(0)} KiB transferred; API calls: ${calls.join(', ')}; ` +
      `gateway CPU ${(figures.gatewayCpuSeconds / figures.loads).toFixed(3)} s per load`,
    figures,
  };
}

function selected(section: string): boolean {
  return !CHOSEN || CHOSEN.includes(section);
}

const SHARE_LABELS: Record<string, string> = {
  raw: 'raw kafkajs produce+consume msg/s',
  throughput: 'backbone events/s',
  draw: 'lottery draw entries/s',
  nominations: 'nomination records/s',
  surge: 'enrollment surge enrollments/s',
};

/** Each throughput of the run as a share of its commit rate, for the chart. */
function sharesOf(sections: Record<string, object>): Record<string, number> {
  const commits = (sections.postgres as { commitsPerSecond?: number } | undefined)?.commitsPerSecond;
  if (!commits) return {};
  const rates: Record<string, number | undefined> = {
    raw: (sections.raw as { producedAndConsumedPerSecond?: number } | undefined)?.producedAndConsumedPerSecond,
    throughput: (sections.throughput as { eventsPerSecond?: number } | undefined)?.eventsPerSecond,
    draw: (sections.draw as { entriesPerSecond?: number } | undefined)?.entriesPerSecond,
    nominations: (sections.nominations as { recordsPerSecond?: number } | undefined)?.recordsPerSecond,
    surge: (sections.surge as { enrollmentsPerSecond?: number } | undefined)?.enrollmentsPerSecond,
  };
  return Object.fromEntries(
    Object.entries(rates)
      .filter((entry): entry is [string, number] => entry[1] !== undefined)
      .map(([section, perSecond]) => [SHARE_LABELS[section], perSecond / commits]),
  );
}

async function main(): Promise<void> {
  const infrastructure = await provideTestInfrastructure();
  exportTestInfrastructure(infrastructure);
  const connection = infrastructure.kafka;
  const startedAt = new Date().toISOString();
  const lines = [`Sinergi benchmark, ${startedAt}, ${infrastructure.describe}`];
  const sections: Record<string, object> = {};
  const failed: string[] = [];
  // A failed section is reported and the others still run: one run gives every figure it can.
  const run = async (name: string, section: () => Promise<SectionResult>) => {
    if (!selected(name)) return;
    try {
      const result = await section();
      lines.push(result.line);
      sections[name] = result.figures;
      process.stdout.write(`${result.line}\n`);
    } catch (error) {
      failed.push(name);
      const line = `${name} FAILED: ${(error as Error).message.split('\n')[0]} (services' output, for a section that runs them: ${serviceOutputFile(name)})`;
      lines.push(line);
      sections[name] = { failed: (error as Error).message.split('\n')[0] };
      process.stdout.write(`${line}\n${(error as Error).stack}\n`);
    }
  };
  try {
    await run('raw', () => rawKafka(connection));
    await run('throughput', () => throughput(connection));
    await run('backbone-latency', () => backboneLatency(connection));
    await run('append', bulkAppend);
    let commitsPerSecond = NaN;
    if (['postgres', 'draw', 'surge', 'nominations'].some(selected)) {
      const ceiling = await postgresCeiling();
      commitsPerSecond = ceiling.figures.commitsPerSecond;
      lines.push(ceiling.line);
      sections.postgres = ceiling.figures;
    }
    await run('draw', () => selectionDraw(commitsPerSecond));
    await run('surge', () => surge(commitsPerSecond));
    await run('latency', latency);
    await run('nominations', () => nominations(commitsPerSecond));
    await run('planning', planning);
    await run('dashboard', dashboard);
    await run('rss', () => idleRss(RSS_SETTLE_MS));
  } finally {
    await infrastructure.stop();
  }
  const report: BenchReport = { startedAt, infrastructure: infrastructure.describe, sections, shareOfCommitRate: sharesOf(sections) };
  writeReport(report);
  lines.push(`written: ${REPORT_FILE}${Object.keys(report.shareOfCommitRate).length > 0 ? `, ${CHART_FILE}` : ''}`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  process.exit(failed.length > 0 ? 1 : 0);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
