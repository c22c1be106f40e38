import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_CATALOG, EventEnvelope, MinistrySystem } from '@sinergi/contracts';
import { KAFKA_JARS_DIRECTORY } from '@sinergi/local-infra';
import { EventValidator } from '@sinergi/messaging';
import { testPrincipalConnection } from '../kafka-helpers';
import { grantNamespaceAccess, revokeNamespaceAccess } from '../service-under-test';

const SOURCE = join(__dirname, 'OutsideClient.java');

/**
 * A ministry system on the wire, in Java with the official Kafka client (not kafkajs), signed in
 * as its own principal under the registry's ACLs for a test's topic namespace. Only on the
 * secured local broker, whose jars hold the client (see `available`).
 */
export class OutsideClient {
  private readonly validator = new EventValidator(EVENT_CATALOG);

  private constructor(
    private readonly ministry: MinistrySystem,
    private readonly prefix: string,
    private readonly directory: string,
  ) {}

  /** Whether the tests run on the secured local broker, with the ministry's principal and the Java client's jars. */
  static available(ministry: MinistrySystem): boolean {
    return Boolean(testPrincipalConnection(ministry)?.sasl) && existsSync(KAFKA_JARS_DIRECTORY);
  }

  static async connect(ministry: MinistrySystem, prefix: string): Promise<OutsideClient> {
    const connection = testPrincipalConnection(ministry);
    if (!connection?.sasl || !OutsideClient.available(ministry)) throw new Error(`no ${ministry} principal on this broker: skip with OutsideClient.available`);
    await grantNamespaceAccess(prefix);
    const directory = mkdtempSync(join(tmpdir(), `${ministry}-client-`));
    const { username, password } = connection.sasl;
    const properties = [
      `bootstrap.servers=${connection.brokers.join(',')}`,
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`,
      `group.id=${prefix}${ministry}-contract-test`,
    ];
    writeFileSync(join(directory, 'client.properties'), `${properties.join('\n')}\n`, { mode: 0o600 });
    return new OutsideClient(ministry, prefix, directory);
  }

  /** Sends the envelopes to the registry topic (in the namespace), keyed by subject. */
  async produce(topic: string, envelopes: EventEnvelope[]): Promise<void> {
    const lines = envelopes.map((envelope) => `${envelope.subject}\t${JSON.stringify(envelope)}\n`).join('');
    await this.run(['produce', this.configFile, `${this.prefix}${topic}`], lines);
  }

  /** Reads `count` messages of the topic from the beginning, failing on any that breaks the published schemas. */
  async consume(topic: string, count: number, timeoutMs = 60_000): Promise<EventEnvelope[]> {
    const output = await this.run(['consume', this.configFile, `${this.prefix}${topic}`, String(count), String(timeoutMs)]);
    return output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const validation = this.validator.decode(Buffer.from(line));
        if (!validation.valid) throw new Error(`${this.ministry} read a message that breaks the published schemas: ${validation.reason}`);
        return validation.envelope;
      });
  }

  async close(): Promise<void> {
    rmSync(this.directory, { recursive: true, force: true });
    await revokeNamespaceAccess(this.prefix);
  }

  private get configFile(): string {
    return join(this.directory, 'client.properties');
  }

  private run(args: string[], input = ''): Promise<string> {
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const child = spawn(java, ['-cp', join(KAFKA_JARS_DIRECTORY, '*'), SOURCE, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    return new Promise((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`OutsideClient ${args[0]} exited ${code}: ${stderr.slice(-2000)}`)))),
    );
  }
}
