import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A durable timer: the deadlines are database columns, so the timer is only a pass run every
 * `tickMs` while the application runs. `wake()` (e.g. on a NOTIFY) brings the next pass forward, to at most one
 * pass per `wakeGapMs`. Passes never overlap: a wake during a pass makes one more pass after it. The timer starts
 * with the application and stops before the database pools close, letting a pass in progress finish.
 */
export abstract class PollingTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timeout?: NodeJS.Timeout;
  private nextPassAt = Infinity;
  private lastPassAt = -Infinity;
  private passing = false;
  private wokenDuringPass = false;
  private tick: Promise<void> = Promise.resolve();
  private stopped = false;

  protected constructor(
    private readonly tickMs = 1_000,
    private readonly wakeGapMs = 0,
  ) {}

  /** One pass over every deadline due at `now`. */
  abstract runOnce(now?: Date): Promise<void>;

  onApplicationBootstrap(): void {
    this.schedule(this.tickMs);
  }

  /** Something became due: a pass soon, but no sooner than the wake gap after the last one. */
  wake(): void {
    if (this.stopped) return;
    if (this.passing) {
      this.wokenDuringPass = true;
      return;
    }
    const at = Math.max(Date.now(), this.lastPassAt + this.wakeGapMs);
    if (this.nextPassAt > at) this.schedule(at - Date.now());
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

  private schedule(delayMs: number): void {
    clearTimeout(this.timeout);
    this.nextPassAt = Date.now() + delayMs;
    this.timeout = setTimeout(() => this.pass(), delayMs);
  }

  private pass(): void {
    this.nextPassAt = Infinity;
    this.passing = true;
    this.lastPassAt = Date.now();
    this.tick = this.runOnce()
      .catch((error: Error) => this.logger.error(`timer pass failed, retrying next tick: ${error.message}`))
      .finally(() => {
        this.passing = false;
        if (this.stopped) return;
        this.schedule(this.tickMs);
        if (this.wokenDuringPass) {
          this.wokenDuringPass = false;
          this.wake();
        }
      });
  }
}
