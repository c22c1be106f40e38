import { Client } from 'pg';
import type { ServiceName } from '@sinergi/contracts';
import { createTopicNamespace, deleteTopicNamespace, freePort, ServiceProcesses, testSecrets } from '@sinergi/testing';

/**
 * Some of the services running as real OS processes (`ServiceProcesses`), each on its own fresh database, all on
 * the topics of one namespace of their own. With 'gateway' among them, the gateway starts last, pointed at the
 * others and reached at its own `http://127.0.0.1:<port>`. A member can be killed (SIGKILL) and restarted on the same
 * database and port.
 */
export class RunningSystem {
  private constructor(
    /** The namespace of the system's topics and consumer groups. */
    readonly topicPrefix: string,
    private readonly groups: Array<{ services: ServiceName[]; processes: ServiceProcesses }>,
  ) {}

  /** `gatewayEnv`: the gateway's settings on top of `env` (e.g. LOCAL_ACCOUNTS_FILE). */
  static async start(services: ServiceName[], env: Record<string, string> = {}, gatewayEnv: Record<string, string> = {}): Promise<RunningSystem> {
    const topicPrefix = await createTopicNamespace();
    const groups: Array<{ services: ServiceName[]; processes: ServiceProcesses }> = [];
    // One set of keys for every process: the gateway and notification share the sign-in code seal, for one.
    const shared = { ...testSecrets(), ...env };
    try {
      const others = services.filter((service) => service !== 'gateway');
      const first = await ServiceProcesses.start(others, topicPrefix, shared);
      groups.push({ services: others, processes: first });
      if (services.includes('gateway')) {
        const port = await freePort();
        const serviceUrls = Object.fromEntries(others.map((service) => [`${service.toUpperCase().replace(/-/g, '_')}_URL`, first.url(service)]));
        const gatewayEnvAll = { ...shared, ...serviceUrls, GATEWAY_PUBLIC_URL: `http://127.0.0.1:${port}`, ...gatewayEnv };
        groups.push({ services: ['gateway'], processes: await ServiceProcesses.start(['gateway'], topicPrefix, gatewayEnvAll, { gateway: port }) });
      }
      return new RunningSystem(topicPrefix, groups);
    } catch (error) {
      await Promise.all(groups.map((group) => group.processes.stop()));
      await deleteTopicNamespace(topicPrefix);
      throw error;
    }
  }

  /** Runs SQL on a service's database, for a test that must move time on (deadlines, class days) as days passing would. */
  async query<T>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.groupOf(service).databaseUrl(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  url(service: ServiceName): string {
    return this.groupOf(service).url(service);
  }

  /** The services started, the gateway last. */
  get services(): ServiceName[] {
    return this.groups.flatMap((group) => group.services);
  }

  /** The service's OS process id, e.g. to read its CPU time or memory from /proc. */
  pid(service: ServiceName): number | undefined {
    return this.groupOf(service).pid(service);
  }

  /** Every line the services have written so far (stdout and stderr), each prefixed with its service's name. */
  output(): string[] {
    return this.groups.flatMap((group) => group.processes.output);
  }

  databaseUrl(service: ServiceName): string {
    return this.groupOf(service).databaseUrl(service);
  }

  /** Kills the service with SIGKILL, as a crash would, and starts it again on its database. */
  killAndRestart(service: ServiceName): Promise<void> {
    return this.groupOf(service).killAndRestart(service);
  }

  async stop(): Promise<void> {
    // The gateway first: it calls the others.
    for (const group of [...this.groups].reverse()) await group.processes.stop();
    await deleteTopicNamespace(this.topicPrefix);
  }

  private groupOf(service: ServiceName): ServiceProcesses {
    return (this.groups.find((group) => group.services.includes(service)) ?? this.groups[0]).processes;
  }
}
