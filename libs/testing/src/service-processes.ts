import { createServer } from 'node:net';
import type { ServiceName } from '@sinergi/contracts';
import { ServiceProcess } from '@sinergi/local-infra';
import { testKafkaConnection, testPrincipalConnection } from './kafka-helpers';
import { testSecrets } from './secrets';
import { grantNamespaceAccess, revokeNamespaceAccess } from './service-under-test';
import { createTestDatabase, TestDatabase } from './test-database';
import { registerTestService } from './test-tokens';

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

/**
 * Services as real OS processes on fresh databases, on the topics of a namespace the caller made (e.g. for a
 * gateway under test in this process to call). Each connects as its own principal where the broker has them.
 */
export class ServiceProcesses {
  readonly output: string[] = [];
  private readonly running = new Map<ServiceName, { process: ServiceProcess; database: TestDatabase }>();

  private constructor(private readonly topicPrefix: string) {}

  static async start(services: ServiceName[], topicPrefix: string, env: Record<string, string> = {}): Promise<ServiceProcesses> {
    const processes = new ServiceProcesses(topicPrefix);
    const shared = { ...testSecrets(), KAFKA_TOPIC_PREFIX: topicPrefix, KAFKA_SESSION_TIMEOUT_MS: '6000', ...env };
    try {
      await grantNamespaceAccess(topicPrefix);
      await Promise.all(
        services.map(async (service) => {
          const database = await createTestDatabase(service);
          const process = ServiceProcess.spawn({
            service,
            port: await freePort(),
            databaseUrl: database.url,
            kafka: testPrincipalConnection(service) ?? testKafkaConnection(),
            env: shared,
            onOutput: (line) => processes.output.push(`[${service}] ${line}`),
          });
          processes.running.set(service, { process, database });
          registerTestService(process.url, service);
          // Generous: each process compiles its sources with ts-node, on a machine other test runs share.
          await process.waitUntilHealthy(180_000);
        }),
      );
    } catch (error) {
      await processes.stop();
      throw new Error(`${(error as Error).message}\n--- service output ---\n${processes.output.slice(-40).join('\n')}`);
    }
    return processes;
  }

  url(service: ServiceName): string {
    const running = this.running.get(service);
    if (!running) throw new Error(`${service} is not running`);
    return running.process.url;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ process }) => process.stop()));
    await Promise.all([...this.running.values()].map(({ database }) => database.drop()));
    await revokeNamespaceAccess(this.topicPrefix);
  }
}
