import { randomBytes } from 'node:crypto';
import { allTopicSpecs, TOPICS } from '@sinergi/contracts';
import { ensureTopics, SINGLE_BROKER_DURABILITY } from '../src';
import { deleteTopicNamespace, testKafka, testKafkaConnection } from '@sinergi/testing';

describe('ensureTopics (real broker)', () => {
  const prefix = `ta${randomBytes(4).toString('hex')}.`;
  const agreements = `${prefix}${TOPICS.programAgreements.name}`;

  afterAll(() => deleteTopicNamespace(prefix));

  it('creates topics with an explicit replication factor and min.insync.replicas, raises a short retention and reports what differs', async () => {
    const admin = testKafka('topic-admin-test').admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [
          {
            topic: agreements,
            numPartitions: 1,
            configEntries: [
              { name: 'retention.ms', value: '60000' },
              { name: 'segment.ms', value: '3600000' },
            ],
          },
        ],
        waitForLeaders: true,
      });
      const first = await ensureTopics(testKafkaConnection(), allTopicSpecs(prefix), SINGLE_BROKER_DURABILITY);
      expect(first.created).toHaveLength(allTopicSpecs().length * 2 - 1);
      expect(first.retentionRaised).toEqual([agreements]);
      expect(first.mismatches).toEqual([
        `${agreements}: partitions 1, expected ${TOPICS.programAgreements.partitions}`,
      ]);
      const raised = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: agreements, configNames: ['retention.ms', 'segment.ms'] }],
      });
      expect(Object.fromEntries(raised.resources[0].configEntries.map((entry) => [entry.configName, entry.configValue]))).toEqual({
        'retention.ms': String(TOPICS.programAgreements.retentionMs),
        'segment.ms': '3600000',
      });

      const created = `${prefix}${TOPICS.batches.name}`;
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: created, configNames: ['min.insync.replicas', 'cleanup.policy'] }],
      });
      expect(resources[0].configEntries.find((entry) => entry.configName === 'min.insync.replicas')).toMatchObject({ configValue: '1', isDefault: false });

      const stricter = await ensureTopics(testKafkaConnection(), allTopicSpecs(prefix), { replicationFactor: 1, minInsyncReplicas: 2 });
      expect(stricter.created).toEqual([]);
      expect(stricter.retentionRaised).toEqual([]);
      expect(stricter.mismatches).toContain(`${created}: min.insync.replicas 1, expected 2`);
    } finally {
      await admin.disconnect();
    }
  });
});
