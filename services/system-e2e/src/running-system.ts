import { createServer } from 'node:net';
import { Client } from 'pg';
import type { ServiceName } from '@sinergi/contracts';
import {
  createTestDatabase,
  createTopicNamespace,
  deleteTopicNamespace,
  grantNamespaceAccess,
  revokeNamespaceAccess,
  TestDatabase,
  testKafkaConnection,
  testPrincipalConnection,
  registerTestService,
  testSecrets,
} from '@sinergi/testing';
import { ServiceProcess } from '@sinergi/local-infra';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Member {
  process: ServiceProcess;
  database: TestDatabase;
  port: number;
}

/**
 * Some of the services running as real OS processes, each on its own fresh database, all on
 * the topics of one namespace of their own. On the secured local broker each connects as its own
 * principal under the registry's ACLs, as under npm start. A member can be killed (SIGKILL) and restarted on
 * the same database and port.
 */
export class RunningSystem {
  private readonly members = new Map<ServiceName, Member>();
  readonly output: string[] = [];

  private constructor(
    private readonly topicPrefix: string,
    private readonly env: Record<string, string>,
  ) {}

  static async start(services: ServiceName[], env: Record<string, string> = {}): Promise<RunningSystem> {
    const system = new RunningSystem(await createTopicNamespace(), { ...testSecrets(), ...env });
    try {
      await grantNamespaceAccess(system.topicPrefix);
      await Promise.all(services.map(async (service) => system.launch(service, await createTestDatabase(service), await freePort())));
    } catch (error) {
      await system.stop();
      throw system.explain(error as Error);
    }
    return system;
  }

  /** Runs SQL on a service's database, for a test that must move time on (deadlines, class days) as days passing would. */
  async query<T>(service: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.member(service).database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  url(service: ServiceName): string {
    return this.member(service).process.url;
  }

  /** Kills the service with SIGKILL, as a crash would, and starts it again on its database. */
  async killAndRestart(service: ServiceName): Promise<void> {
    const { process, database, port } = this.member(service);
    await process.kill();
    try {
      await this.launch(service, database, port);
    } catch (error) {
      throw this.explain(error as Error);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.members.values()].map((member) => member.process.stop()));
    await Promise.all([...this.members.values()].map((member) => member.database.drop()));
    await revokeNamespaceAccess(this.topicPrefix);
    await deleteTopicNamespace(this.topicPrefix);
  }

  private member(service: ServiceName): Member {
    const member = this.members.get(service);
    if (!member) throw new Error(`${service} is not running in this system`);
    return member;
  }

  private async launch(service: ServiceName, database: TestDatabase, port: number): Promise<void> {
    const process = ServiceProcess.spawn({
      service,
      port,
      databaseUrl: database.url,
      kafka: testPrincipalConnection(service) ?? testKafkaConnection(),
      env: { KAFKA_TOPIC_PREFIX: this.topicPrefix, KAFKA_SESSION_TIMEOUT_MS: '6000', ...this.env },
      onOutput: (line) => this.output.push(`[${service}] ${line}`),
    });
    this.members.set(service, { process, database, port });
    registerTestService(process.url, service);
    await process.waitUntilHealthy();
  }

  private explain(error: Error): Error {
    return new Error(`${error.message}\n--- service output ---\n${this.output.slice(-40).join('\n')}`);
  }
}
