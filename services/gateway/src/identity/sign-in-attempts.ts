import { Injectable } from '@nestjs/common';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_USERNAME = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Failed sign-ins per username and per client address in the last 15 minutes, in this process's memory
 * (a restart forgets them; several gateway instances each count their own).
 */
@Injectable()
export class SignInAttempts {
  private readonly failures = new Map<string, number[]>();

  blocked(username: string, address: string): boolean {
    return this.recent(`user:${username}`) >= MAX_FAILURES_PER_USERNAME || this.recent(`address:${address}`) >= MAX_FAILURES_PER_ADDRESS;
  }

  recordFailure(username: string, address: string): void {
    for (const key of [`user:${username}`, `address:${address}`]) this.failures.set(key, [...this.pruned(key), Date.now()]);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username}`);
  }

  private recent(key: string): number {
    const kept = this.pruned(key);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept.length;
  }

  private pruned(key: string): number[] {
    const since = Date.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}
