import { allTopicSpecs } from '@sinergi/contracts';
import { describeEnsuredTopics, isShorterRetention, topicDurabilityFrom, topicsFor } from './topic-admin';

describe('topic durability', () => {
  it('defaults to one copy for the single local broker and reads production settings', () => {
    expect(topicDurabilityFrom({})).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(topicDurabilityFrom({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' })).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('refuses settings no broker could honour', () => {
    expect(() => topicDurabilityFrom({ KAFKA_REPLICATION_FACTOR: '0' })).toThrow('KAFKA_REPLICATION_FACTOR=0 must be a whole number of at least 1');
    expect(() => topicDurabilityFrom({ KAFKA_REPLICATION_FACTOR: '2', KAFKA_MIN_INSYNC_REPLICAS: '3' })).toThrow(
      'KAFKA_MIN_INSYNC_REPLICAS=3 cannot exceed KAFKA_REPLICATION_FACTOR=2',
    );
  });

  it('creates every topic and dead-letter companion with the replication factor and min.insync.replicas given', () => {
    const topics = topicsFor(allTopicSpecs(), { replicationFactor: 3, minInsyncReplicas: 2 });
    expect(topics).toHaveLength(allTopicSpecs().length * 2);
    for (const topic of topics) {
      expect(topic.replicationFactor).toBe(3);
      expect(topic.configEntries).toContainEqual({ name: 'min.insync.replicas', value: '2' });
    }
  });

  it('describes what it did, one warning per setting that differs', () => {
    expect(describeEnsuredTopics({ created: [], retentionRaised: ['b.v1'], mismatches: ['a.v1: partitions 1, expected 3'] })).toEqual([
      'all topics exist',
      "raised retention to the registry's on: b.v1",
      'WARNING topic settings differ from the registry (not changed; fix by hand or recreate): a.v1: partitions 1, expected 3',
    ]);
  });

  it('raises a retention only towards longer, unlimited (-1) being the longest', () => {
    expect(isShorterRetention(60_000, -1)).toBe(true);
    expect(isShorterRetention(60_000, 120_000)).toBe(true);
    expect(isShorterRetention(120_000, 60_000)).toBe(false);
    expect(isShorterRetention(-1, 60_000)).toBe(false);
    expect(isShorterRetention(-1, -1)).toBe(false);
  });
});
