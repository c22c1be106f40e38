import { Injectable } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { allTopicSpecs, ConsumerLag, ServiceName } from '@sinergi/contracts';
import { kafkaClientConfig } from '@sinergi/messaging';
import { GatewayConfig } from '../gateway.config';
import { OPERATED_SERVICES } from './dead-letter-paging';

/**
 * How far behind each service's consumer group is on each partition of the topics the registry says it consumes:
 * the group's committed offsets (kafkajs admin fetchOffsets) against each partition's end (fetchTopicOffsets).
 * A partition the group has committed nothing on counts from the log start, as the groups start from the beginning.
 */
@Injectable()
export class ConsumerLagReader {
  private readonly kafka: Kafka;

  constructor(private readonly config: GatewayConfig) {
    this.kafka = new Kafka(kafkaClientConfig(config.kafkaConnection, 'gateway-consumer-lag'));
  }

  async read(): Promise<ConsumerLag[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const prefix = this.config.KAFKA_TOPIC_PREFIX ?? '';
      const specs = allTopicSpecs(prefix);
      const ends = new Map(await Promise.all(specs.map(async (spec) => [spec.name, await admin.fetchTopicOffsets(spec.name)] as const)));
      const lags: ConsumerLag[] = [];
      // Every one of them consumes, in its group `<prefix><service>`.
      for (const service of OPERATED_SERVICES) {
        const topics = specs.filter((spec) => spec.consumers.includes(service)).map((spec) => spec.name);
        lags.push(...(await this.lagOf(admin, service, `${prefix}${service}`, topics, ends)));
      }
      return lags;
    } finally {
      await admin.disconnect();
    }
  }

  private async lagOf(
    admin: Admin,
    service: ServiceName,
    groupId: string,
    topics: string[],
    ends: Map<string, Array<{ partition: number; high: string; low: string }>>,
  ): Promise<ConsumerLag[]> {
    const committed = await admin.fetchOffsets({ groupId, topics });
    return committed.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, offset }) => {
        const end = ends.get(topic)?.find((candidate) => candidate.partition === partition);
        const endOffset = Number(end?.high ?? 0);
        const committedOffset = Number(offset) >= 0 ? Number(offset) : null;
        const from = committedOffset ?? Number(end?.low ?? 0);
        return { service, groupId, topic, partition, committedOffset, endOffset, lag: Math.max(endOffset - from, 0) };
      }),
    );
  }
}
