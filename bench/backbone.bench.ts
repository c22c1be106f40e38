/**
 * `npm run bench`: throughput and latency of the event backbone on one broker and one database.
 *   1. raw kafkajs produce+consume: the ceiling;
 *   2. outbox -> relay -> Kafka -> inbox transport -> handler commit: events/s through the full backbone;
 *   3. end-to-end latency (append commit to handler commit) at a fixed rate: p50/p95/p99;
 *   4. Outbox.append of many events in one transaction (a draw over a large pool): events/s and CPU per 1,000 events;
 *   5. raw PostgreSQL: single-row INSERTs, one commit each, from many clients: the database's ceiling;
 *   6. a lottery draw over a national pool (SelectionService): elapsed time, entries/s as a share of the ceiling of 5
 *      (measured in the same run), CPU per 1,000 entries of this process and of the PostgreSQL backend that drew;
 *   7. the six services as processes, compiled (SINERGI_RUN_FROM_SOURCE=1: through ts-node): RSS of each at idle.
 * Sizes can be changed with BENCH_RAW_MESSAGES, BENCH_BACKBONE_EVENTS, BENCH_LATENCY_RATE, BENCH_LATENCY_SECONDS,
 * BENCH_APPEND_EVENTS, BENCH_APPEND_ROUNDS, BENCH_PG_CLIENTS, BENCH_PG_COMMITS, BENCH_DRAW_POOL, BENCH_RSS_SETTLE_MS; BENCH_ONLY=raw,append
 * (of raw, throughput, latency, append, postgres, draw, rss) runs some sections.
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
import { timeDraw } from './selection-draw';
import { idleRss } from './service-rss';

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
const ONLY = process.env.BENCH_ONLY?.split(',');
const PARTITIONS = 3;
const PAYLOAD = { seq: 0 };

function perSecond(count: number, ms: number): string {
  return `${Math.round((count * 1000) / ms).toLocaleString('en-US')} /s`;
}

async function rawKafka(connection: KafkaConnection): Promise<string> {
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
  return `raw kafkajs, ${RAW_MESSAGES} messages of ~400 B, ${PARTITIONS} partitions: produce ${perSecond(RAW_MESSAGES, produced)}, produce+consume ${perSecond(RAW_MESSAGES, total)}`;
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

async function throughput(connection: KafkaConnection): Promise<string> {
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
  return `outbox -> consumer commit, ${BACKBONE_EVENTS} events (appended ${perTransaction} per transaction in ${appendedMs} ms): ${perSecond(BACKBONE_EVENTS, total)}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latency(connection: KafkaConnection): Promise<string> {
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
  return `end-to-end latency at ${LATENCY_RATE} events/s for ${LATENCY_SECONDS} s (${total} events, one per transaction): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
}

/** The process's CPU (this process builds and validates the envelopes; PostgreSQL's own CPU is not counted). */
async function bulkAppend(): Promise<string> {
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
  return `Outbox.append, ${APPEND_EVENTS} events in one transaction x ${APPEND_ROUNDS}: ${perSecond(appended, elapsedMs)}, ${cpuPerThousand.toFixed(3)} CPU s per 1,000 events (this process)`;
}

async function postgresCeiling(): Promise<{ line: string; commitsPerSecond: number }> {
  const commitsPerSecond = await rawCommitRate(PG_CLIENTS, PG_COMMITS);
  return {
    commitsPerSecond,
    line: `raw PostgreSQL, ${PG_COMMITS} single-row INSERTs, one commit each, from ${PG_CLIENTS} clients: ${perSecond(commitsPerSecond, 1000)}`,
  };
}

async function selectionDraw(commitsPerSecond: number): Promise<string> {
  const { elapsedMs, cpuSeconds, outcomes } = await timeDraw(DRAW_POOL);
  const entriesPerSecond = (DRAW_POOL * 1000) / elapsedMs;
  const perThousand = (seconds: number) => (seconds / (DRAW_POOL / 1_000)).toFixed(3);
  const backend = cpuSeconds.backend === undefined ? 'PostgreSQL backend not readable from /proc' : `${perThousand(cpuSeconds.backend)} the PostgreSQL backend`;
  return (
    `lottery draw over ${DRAW_POOL} enrollments in 100 classes (${outcomes.selected} selected, ${outcomes.reserved} reserved, ${outcomes['not-selected']} not selected): ` +
    `${(elapsedMs / 1000).toFixed(2)} s, ${perSecond(DRAW_POOL, elapsedMs)} entries = ${((entriesPerSecond / commitsPerSecond) * 100).toFixed(1)}% of the raw commit rate; ` +
    `CPU s per 1,000 entries: ${perThousand(cpuSeconds.process)} this process, ${backend}`
  );
}

function selected(section: string): boolean {
  return !ONLY || ONLY.includes(section);
}

async function main(): Promise<void> {
  const infrastructure = await provideTestInfrastructure();
  exportTestInfrastructure(infrastructure);
  const connection = infrastructure.kafka;
  const report = [`Sinergi backbone benchmark, ${new Date().toISOString()}, ${infrastructure.describe}`];
  try {
    if (selected('raw')) report.push(await rawKafka(connection));
    if (selected('throughput')) report.push(await throughput(connection));
    if (selected('latency')) report.push(await latency(connection));
    if (selected('append')) report.push(await bulkAppend());
    if (selected('postgres') || selected('draw')) {
      const ceiling = await postgresCeiling();
      report.push(ceiling.line);
      if (selected('draw')) report.push(await selectionDraw(ceiling.commitsPerSecond));
    }
    if (selected('rss')) report.push(await idleRss(RSS_SETTLE_MS));
  } finally {
    await infrastructure.stop();
  }
  process.stdout.write(`\n${report.join('\n')}\n`);
  process.exit(0);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
