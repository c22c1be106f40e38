import { createServer } from 'node:net';
import type { ServiceName } from '@sinergi/contracts';
import { createTestDatabase, TestDatabase, testBrokers } from '@sinergi/testing';
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

/** Some of the services running as real processes, each on its own fresh database. */
export class RunningSystem {
  private readonly processes = new Map<ServiceName, ServiceProcess>();
  private readonly databases: TestDatabase[] = [];
  readonly output: string[] = [];

  static async start(services: ServiceName[]): Promise<RunningSystem> {
    const system = new RunningSystem();
    try {
      await Promise.all(services.map((service) => system.startService(service)));
    } catch (error) {
      await system.stop();
      throw new Error(`${(error as Error).message}\n--- service output ---\n${system.output.slice(-40).join('\n')}`);
    }
    return system;
  }

  url(service: ServiceName): string {
    const process = this.processes.get(service);
    if (!process) throw new Error(`${service} is not running in this system`);
    return process.url;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((process) => process.stop()));
    await Promise.all(this.databases.map((database) => database.drop()));
  }

  private async startService(service: ServiceName): Promise<void> {
    const database = await createTestDatabase(service);
    this.databases.push(database);
    const process = ServiceProcess.spawn({
      service,
      port: await freePort(),
      databaseUrl: database.url,
      kafkaBrokers: testBrokers().join(','),
      onOutput: (line) => this.output.push(`[${service}] ${line}`),
    });
    this.processes.set(service, process);
    await process.waitUntilHealthy();
  }
}
