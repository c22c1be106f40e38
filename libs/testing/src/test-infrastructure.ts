import { allTopicSpecs } from '@sinergi/contracts';
import { ensureTopics } from '@sinergi/messaging';
import { ensureKafka, ensurePostgres } from '@sinergi/local-infra';

export interface TestInfrastructure {
  kafkaBrokers: string;
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
  await ensureTopics(infrastructure.kafkaBrokers.split(','), allTopicSpecs());
  return infrastructure;
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
    kafkaBrokers: kafka.brokers.join(','),
    databaseUrl: postgres.url,
    describe: `Kafka ${kafka.brokers.join(',')} (${kafka.startedHere ? 'started' : 'given'}), PostgreSQL (${postgres.startedHere ? 'embedded' : 'given'})`,
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
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres.getConnectionUri(),
    describe: 'Kafka and PostgreSQL in containers',
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}
