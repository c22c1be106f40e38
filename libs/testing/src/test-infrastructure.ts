import { allTopicSpecs } from '@sinergi/contracts';
import { ensureTopics, type KafkaConnection, kafkaConnectionEnv, type Principal } from '@sinergi/messaging';
import { ensureKafka, ensurePostgres } from '@sinergi/local-infra';
import { TEST_PRINCIPALS_VARIABLE } from './kafka-helpers';

export interface TestInfrastructure {
  /** The harness connects as the broker's super user; a secured local broker also gives each principal's own connection. */
  kafka: KafkaConnection;
  principals: Partial<Record<Principal, KafkaConnection>>;
  databaseUrl: string;
  describe: string;
  stop(): Promise<void>;
}

type Provider = () => Promise<TestInfrastructure>;

/**
 * Gives the test run a real broker and database: the ones named by KAFKA_BROKERS and
 * DATABASE_URL when set; otherwise containers when a Docker engine answers; otherwise a
 * local Kafka broker (Java) and an embedded PostgreSQL.
 */
export async function provideTestInfrastructure(): Promise<TestInfrastructure> {
  const provider: Provider = (await dockerIsAvailable()) && !bothGiven() ? fromContainers : fromEnvironmentOrLocal;
  const infrastructure = await provider();
  await ensureTopics(infrastructure.kafka, allTopicSpecs());
  return infrastructure;
}

/** Where the test run's processes (jest workers, the benchmark) find the infrastructure. */
export function exportTestInfrastructure(infrastructure: TestInfrastructure): void {
  Object.assign(process.env, kafkaConnectionEnv(infrastructure.kafka), {
    DATABASE_URL: infrastructure.databaseUrl,
    [TEST_PRINCIPALS_VARIABLE]: JSON.stringify(infrastructure.principals),
  });
}

function bothGiven(): boolean {
  return Boolean(process.env.KAFKA_BROKERS && process.env.DATABASE_URL);
}

async function dockerIsAvailable(): Promise<boolean> {
  if (process.env.SINERGI_TEST_NO_DOCKER === '1') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function fromEnvironmentOrLocal(): Promise<TestInfrastructure> {
  const kafka = await ensureKafka();
  const postgres = await ensurePostgres();
  return {
    kafka: kafka.connection,
    principals: kafka.principals,
    databaseUrl: postgres.url,
    describe: `Kafka ${kafka.brokers.join(',')} (${kafka.startedHere ? 'started' : 'given'}${kafka.connection.sasl ? `, as ${kafka.connection.sasl.username}` : ', anonymous'}), PostgreSQL (${postgres.startedHere ? 'embedded' : 'given'})`,
    stop: async () => {
      await kafka.stop();
      await postgres.stop();
    },
  };
}

async function fromContainers(): Promise<TestInfrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:17-alpine').start(),
  ]);
  return {
    kafka: { brokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`] },
    principals: {},
    databaseUrl: postgres.getConnectionUri(),
    describe: 'Kafka and PostgreSQL in containers',
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}
