import { allTopicSpecs, type EventEnvelope } from '@sinergi/contracts';
import { MessageSinks, startMessageSinks, TestIssuer, TopicCollector } from '@sinergi/testing';
import { RunningSystem } from '../running-system';
import { GatewayClient } from './gateway-client';

/**
 * Every service as a process on fresh databases and topics of their own, the gateway in front of them trusting a test
 * issuer (the admins' and participants' sign-in), notification sending to local SMTP and provider sinks, and a
 * collector reading every topic the services publish (the public topics), from the first message.
 */
export class ScenarioSystem {
  private readonly parsed = new Map<string, EventEnvelope[]>();
  private read = 0;

  private constructor(
    readonly running: RunningSystem,
    readonly sinks: MessageSinks,
    readonly issuer: TestIssuer,
    readonly api: GatewayClient,
    readonly collector: TopicCollector,
    /** The namespace's public topics, by their name without the namespace. */
    readonly publicTopics: Map<string, string>,
  ) {}

  static async start(): Promise<ScenarioSystem> {
    const sinks = await startMessageSinks();
    const issuer = await TestIssuer.start();
    const running = await RunningSystem.start(
      ['program', 'venue-capacity', 'instructor-module', 'enrollment', 'notification', 'gateway'],
      { ...sinks.env(), BATCH_REPLY_TIMEOUT_MS: '120000', NOTIFICATION_RETRY_BASE_MS: '200', NOTIFICATION_RETRY_MAX_MS: '2000' },
      { OIDC_ISSUER: issuer.issuer, RATE_LIMIT_PER_MINUTE: '10000000', SENSITIVE_RATE_LIMIT_PER_MINUTE: '10000000' },
    );
    const prefix = running.topicPrefix;
    // Inbound ministry topics carry what the ministries send (nominations carry NIKs: restricted); the services publish the rest.
    const publicTopics = new Map(
      allTopicSpecs()
        .filter((spec) => spec.producer !== 'ministry systems')
        .map((spec) => [spec.name, `${prefix}${spec.name}`]),
    );
    const collector = await TopicCollector.start([...publicTopics.values()]);
    return new ScenarioSystem(running, sinks, issuer, new GatewayClient(running.url('gateway'), issuer), collector, publicTopics);
  }

  /** Every event collected so far on a public topic (its name without the namespace), in topic order per partition. */
  events<T = Record<string, unknown>>(topic: string, type?: string): Array<EventEnvelope<T>> {
    const name = this.publicTopics.get(topic);
    if (!name) throw new Error(`${topic} is not a public topic`);
    // Parsed once as they arrive: the waits ask again and again over hundreds of thousands of messages.
    for (const messages = this.collector.messages; this.read < messages.length; this.read += 1) {
      const message = messages[this.read];
      const list = this.parsed.get(message.topic) ?? [];
      list.push(JSON.parse(String(message.value)) as EventEnvelope);
      this.parsed.set(message.topic, list);
    }
    const values = (this.parsed.get(name) ?? []) as Array<EventEnvelope<T>>;
    return type ? values.filter((envelope) => envelope.type === type) : values;
  }

  async stop(): Promise<void> {
    await this.collector.stop();
    await this.running.stop();
    await this.sinks.close();
    await this.issuer.stop();
  }
}
