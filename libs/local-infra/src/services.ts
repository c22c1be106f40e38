import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@sinergi/contracts';
import { type KafkaConnection, kafkaConnectionEnv } from '@sinergi/messaging';
import { compiledMainOf, runsFromSource } from './build';
import { type RecordedProcess, SERVICE_STOP_GRACE_MS } from './service-pids';
import { repoRoot } from './support';

/** The six services and the HTTP port each gets when the whole system runs on one machine. */
export const SERVICES: ReadonlyArray<{ name: ServiceName; port: number }> = [
  { name: 'gateway', port: 3000 },
  { name: 'program', port: 3001 },
  { name: 'enrollment', port: 3002 },
  { name: 'venue-capacity', port: 3003 },
  { name: 'instructor-module', port: 3004 },
  { name: 'notification', port: 3005 },
];


export function databaseNameOf(service: ServiceName): string {
  return `sinergi_${service.replace(/-/g, '_')}`;
}

export interface ServiceProcessOptions {
  service: ServiceName;
  port: number;
  databaseUrl: string;
  /** The service's own principal on the brokers (npm start), or the test harness's. */
  kafka: KafkaConnection;
  env?: Record<string, string>;
  /** Where the service's output goes, line by line. */
  onOutput?: (line: string) => void;
}

function sourceMainOf(service: ServiceName): string {
  return join(repoRoot, 'services', service, 'src', 'main.ts');
}

/**
 * V8's young generation grows to 16 MB per semi-space under load and keeps the pages once idle; capped at 2 MB it
 * takes 20-30 MB less resident memory per service. The Dockerfile's CMD passes the same flag.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/**
 * How a service is started: its build (`npm run build`) when there is one, else its TypeScript sources through
 * ts-node (about 200 MB RSS each instead of 105-120 MB, and slower to start). SINERGI_RUN_FROM_SOURCE=1 forces
 * the sources. Whoever needs the build current ensures it first (`ensureServicesBuilt`): npm start, the system tests.
 */
function commandOf(service: ServiceName): { main: string; args: string[] } {
  const compiled = compiledMainOf(service);
  if (!runsFromSource() && existsSync(compiled)) return { main: compiled, args: [...SERVICE_NODE_FLAGS, compiled] };
  const main = sourceMainOf(service);
  return { main, args: [...SERVICE_NODE_FLAGS, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main] };
}

/** One service running as its own OS process. */
export class ServiceProcess {
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly options: ServiceProcessOptions,
    private readonly child: ChildProcess,
    /** The file the process runs, which its command line names. */
    private readonly main: string,
  ) {
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : 0);
        resolve();
      }),
    );
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) options.onOutput?.(line);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
  }

  static spawn(options: ServiceProcessOptions): ServiceProcess {
    const { main, args } = commandOf(options.service);
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(repoRoot, 'tsconfig.json'),
        HTTP_PORT: String(options.port),
        DATABASE_URL: options.databaseUrl,
        ...kafkaConnectionEnv(options.kafka),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(options, child, main);
  }

  /** The process as a pid file notes it (`writeProcessPidFile`); none when it could not be spawned. */
  recorded(): RecordedProcess[] {
    const { pid } = this.child;
    return pid === undefined ? [] : [{ name: this.options.service, pid, marker: this.main }];
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Resolves once GET /health answers 200; rejects if the process exits first or the deadline passes. */
  async waitUntilHealthy(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exitCode !== undefined) throw new Error(`${this.options.service} exited with code ${this.exitCode} before it was healthy`);
      const healthy = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.options.service} was not healthy within ${timeoutMs} ms`);
  }

  /** SIGTERM lets the service drain; SIGKILL after the grace period. */
  async stop(graceMs = SERVICE_STOP_GRACE_MS): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): Promise<void> {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
    return this.exited;
  }
}
