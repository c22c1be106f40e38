import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { allTopicSpecs } from '@sinergi/contracts';
import { ensureAccessControl, ensureTopics, kafkaConnectionEnv, removeAccessControl } from '@sinergi/messaging';
import { ServiceConfig, ServiceDefinition, startService } from '@sinergi/platform';
import { testKafka, testKafkaConnection, testPrincipalConnection } from './kafka-helpers';
import { createTestDatabase, TestDatabase } from './test-database';
import { registerTestService, testInternalTokenJwks, testInternalTokenSigningKey } from './test-tokens';

/** A topic namespace of its own, so that a test run never sees another run's messages. */
export async function createTopicNamespace(): Promise<string> {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  await ensureTopics(testKafkaConnection(), allTopicSpecs(prefix));
  return prefix;
}

/**
 * Grants the registry's ACLs in a namespace, so that services and ministry systems can work
 * there as their own principals (`testPrincipalConnection`), as under npm start. Nothing to do
 * on a broker without them (no authorizer).
 */
export async function grantNamespaceAccess(prefix: string): Promise<void> {
  if (testPrincipalsAvailable()) await ensureAccessControl(testKafkaConnection(), allTopicSpecs(prefix), prefix);
}

export async function revokeNamespaceAccess(prefix: string): Promise<void> {
  if (testPrincipalsAvailable()) await removeAccessControl(testKafkaConnection(), allTopicSpecs(prefix), prefix);
}

function testPrincipalsAvailable(): boolean {
  return testPrincipalConnection('program') !== undefined;
}

/** Deletes a namespace's topics, so that test runs do not pile up partitions on a long-lived broker. */
export async function deleteTopicNamespace(prefix: string): Promise<void> {
  const admin = testKafka('namespace-cleanup').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  database: TestDatabase;
  /** Stops the service (draining it) and keeps its database, e.g. to restart on it. */
  stop(): Promise<void>;
  /** Stops the service and drops its database. */
  destroy(): Promise<void>;
}

/**
 * Starts a service in this process, as its main.ts would, on a fresh database (or the one
 * given, to test a restart) and on the topics of the given namespace.
 */
export async function startServiceUnderTest<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  topicPrefix: string,
  options: { database?: TestDatabase; env?: Record<string, string> } = {},
): Promise<ServiceUnderTest> {
  const database = options.database ?? (await createTestDatabase(definition.name));
  const app = await startService(definition, {
    HTTP_PORT: '0',
    DATABASE_URL: database.url,
    ...kafkaConnectionEnv(testKafkaConnection()),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    INTERNAL_TOKEN_JWKS: testInternalTokenJwks(),
    INTERNAL_TOKEN_SIGNING_KEY: testInternalTokenSigningKey(),
    ...options.env,
  });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  registerTestService(url, definition.name);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url,
    database,
    stop,
    destroy: async () => {
      await stop();
      await database.drop();
    },
  };
}
