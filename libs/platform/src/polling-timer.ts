import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A durable timer: the deadlines are database columns, so the timer is only a pass run every
 * second while the application runs. It starts with the application and stops before the
 * database pools close, letting a pass in progress finish.
 */
export abstract class PollingTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timeout?: NodeJS.Timeout;
  private tick: Promise<void> = Promise.resolve();
  private stopped = false;

  protected constructor(private readonly tickMs = 1_000) {}

  /** One pass over every deadline due at `now`. */
  abstract runOnce(now?: Date): Promise<void>;

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timeout);
    await this.tick;
  }

  /** Runs `claimAndApply` in transactions until it handles fewer than `limit` rows, or the timer stops. */
  protected async drain(dataSource: DataSource, limit: number, claimAndApply: (manager: EntityManager) => Promise<number>): Promise<void> {
    while (!this.stopped && (await dataSource.transaction(claimAndApply)) === limit);
  }

  private schedule(): void {
    this.timeout = setTimeout(() => {
      this.tick = this.runOnce()
        .catch((error: Error) => this.logger.error(`timer pass failed, retrying next tick: ${error.message}`))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.tickMs);
  }
}
