import { allTopicSpecs } from '@sinergi/contracts';
import { describeEnsuredTopics, topicDurabilityFrom, topicsFor } from './topic-admin';

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
    expect(describeEnsuredTopics({ created: [], mismatches: ['a.v1: partitions 1, expected 3'] })).toEqual([
      'all topics exist',
      'WARNING topic settings differ from the registry (not changed; fix by hand or recreate): a.v1: partitions 1, expected 3',
    ]);
  });
});
