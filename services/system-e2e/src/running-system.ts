import { Client } from 'pg';
import type { ServiceName } from '@sinergi/contracts';
import { createTopicNamespace, deleteTopicNamespace, ServiceProcesses } from '@sinergi/testing';

/**
 * Some of the services running as real OS processes (`ServiceProcesses`), each on its own fresh database, all on
 * the topics of one namespace of their own. A member can be killed (SIGKILL) and restarted on the same database and port.
 */
export class RunningSystem {
  private constructor(
    private readonly topicPrefix: string,
    private readonly processes: ServiceProcesses,
  ) {}

  static async start(services: ServiceName[], env: Record<string, string> = {}): Promise<RunningSystem> {
    const topicPrefix = await createTopicNamespace();
    try {
      return new RunningSystem(topicPrefix, await ServiceProcesses.start(services, topicPrefix, env));
    } catch (error) {
      await deleteTopicNamespace(topicPrefix);
      throw error;
    }
  }

  /** Runs SQL on a service's database, for a test that must move time on (deadlines, class days) as days passing would. */
  async query<T>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.processes.databaseUrl(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  url(service: ServiceName): string {
    return this.processes.url(service);
  }

  /** Kills the service with SIGKILL, as a crash would, and starts it again on its database. */
  killAndRestart(service: ServiceName): Promise<void> {
    return this.processes.killAndRestart(service);
  }

  async stop(): Promise<void> {
    await this.processes.stop();
    await deleteTopicNamespace(this.topicPrefix);
  }
}
