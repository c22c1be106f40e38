import { Controller, Get, HttpStatus, Inject, OnApplicationShutdown, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ConsumerStatus } from '@sinergi/messaging';

export const HEALTH_KAFKA_BROKERS = Symbol('HEALTH_KAFKA_BROKERS');

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3_000;

@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HEALTH_KAFKA_BROKERS) private readonly brokers: string[],
    @Optional() private readonly consumerStatus?: ConsumerStatus,
  ) {}

  @Get()
  async health(@Res() response: Response): Promise<void> {
    const [database, kafka] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(async () => (await this.kafkaAdmin()).describeCluster()),
    ]);
    const up = database.status === 'up' && kafka.status === 'up';
    // Dead letters, messages that could not be parked, skipped event types: reported, not a reason to take the service out.
    const consumer = this.consumerStatus?.snapshot();
    const details = consumer ? { details: { consumer } } : {};
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: up ? 'up' : 'down', checks: { database, kafka }, ...details });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.admin) await (await this.admin.catch(() => undefined))?.disconnect();
  }

  private kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = new Kafka({ clientId: 'health', brokers: this.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
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
