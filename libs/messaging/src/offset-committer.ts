import { Consumer } from 'kafkajs';

export interface OffsetCommitPolicy {
  /** Commit at least this often while messages are being handled. */
  intervalMs: number;
  /** Commit as soon as this many handled messages wait for a commit. */
  threshold: number;
}

/**
 * Commits the offsets of messages whose effects have already committed in the database.
 * Batching commits is safe because the inbox turns a redelivered message into a no-op.
 */
export class OffsetCommitter {
  private pending = new Map<string, { topic: string; partition: number; offset: string }>();
  private handledSinceCommit = 0;
  private lastCommitAt = Date.now();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly consumer: Consumer,
    private readonly policy: OffsetCommitPolicy,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.commitIfDue(), Math.max(50, this.policy.intervalMs)).unref();
  }

  /** `offset` and the `count` messages up to it are handled. */
  async markHandled(topic: string, partition: number, offset: string, count = 1): Promise<void> {
    this.pending.set(`${topic}:${partition}`, { topic, partition, offset: (BigInt(offset) + 1n).toString() });
    this.handledSinceCommit += count;
    await this.commitIfDue();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const offsets = [...this.pending.values()];
    this.pending = new Map();
    this.handledSinceCommit = 0;
    this.lastCommitAt = Date.now();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // Usually a rebalance took the partition away; its new owner re-reads and the inbox drops what we handled.
      this.onError(error as Error);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async commitIfDue(): Promise<void> {
    const due = this.handledSinceCommit >= this.policy.threshold || Date.now() - this.lastCommitAt >= this.policy.intervalMs;
    if (due) await this.flush();
  }
}
