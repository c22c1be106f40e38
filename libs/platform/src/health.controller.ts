import { Controller, Get, HttpStatus, Inject, OnApplicationShutdown, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Operation } from './auth';
import { ConsumerStatus, kafkaClientConfig, KafkaConnection, ParkedSummary, parkedSummary } from '@sinergi/messaging';

export const HEALTH_KAFKA_CONNECTION = Symbol('HEALTH_KAFKA_CONNECTION');

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3_000;

@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HEALTH_KAFKA_CONNECTION) private readonly kafka: KafkaConnection,
    @Optional() private readonly consumerStatus?: ConsumerStatus,
  ) {}

  @Get()
  @Operation('health')
  async health(@Res() response: Response): Promise<void> {
    const [database, kafka, outbox] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(async () => (await this.kafkaAdmin()).describeCluster()),
      this.outbox(),
    ]);
    const up = database.status === 'up' && kafka.status === 'up';
    // Dead letters, messages that could not be parked, skipped event types: reported, not a reason to take the service out.
    const consumer = this.consumerStatus?.snapshot();
    const details = consumer ? { details: { consumer } } : {};
    response
      .status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: up ? 'up' : 'down', checks: { database, kafka, outbox }, ...details });
  }

  /** Parked outbox rows (Kafka refused them for good) are shown and counted; the service itself stays up. */
  private async outbox(): Promise<CheckResult | ({ status: 'up' } & ParkedSummary)> {
    let summary: ParkedSummary | undefined;
    const result = await check(async () => (summary = await parkedSummary((sql) => this.dataSource.query(sql))));
    return summary ? { status: 'up', ...summary } : result;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.admin) await (await this.admin.catch(() => undefined))?.disconnect();
  }

  private kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = new Kafka(kafkaClientConfig(this.kafka, 'health', { retry: { retries: 0 } })).admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
