import { readFileSync } from 'node:fs';
import { KafkaConfig, logLevel, SASLOptions } from 'kafkajs';

export type SaslMechanism = 'scram-sha-512' | 'scram-sha-256' | 'plain';

/** Where a Kafka client connects and how it proves who it is. */
export interface KafkaConnection {
  brokers: string[];
  /** SASL credentials; none means an anonymous client. */
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  /** TLS to the brokers; `caFile` trusts a private CA (PEM) besides the system's. */
  ssl?: { caFile?: string };
}

/** The connection settings as they are named in the environment (and in ServiceConfig). */
export interface KafkaConnectionSettings {
  KAFKA_BROKERS: string;
  KAFKA_SASL_MECHANISM?: string;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SSL?: string;
  KAFKA_SSL_CA_FILE?: string;
}

export function kafkaConnectionFrom(settings: KafkaConnectionSettings): KafkaConnection {
  const brokers = settings.KAFKA_BROKERS.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = settings;
  const tls = settings.KAFKA_SSL === 'true' || Boolean(settings.KAFKA_SSL_CA_FILE);
  return {
    brokers,
    ...(mechanism ? { sasl: { mechanism: mechanism as SaslMechanism, username: username ?? '', password: password ?? '' } } : {}),
    ...(tls ? { ssl: settings.KAFKA_SSL_CA_FILE ? { caFile: settings.KAFKA_SSL_CA_FILE } : {} } : {}),
  };
}

/** The same connection in the environment's names, e.g. for a child process. */
export function kafkaConnectionEnv(connection: KafkaConnection): { KAFKA_BROKERS: string } & Record<string, string> {
  return {
    KAFKA_BROKERS: connection.brokers.join(','),
    ...(connection.sasl
      ? {
          KAFKA_SASL_MECHANISM: connection.sasl.mechanism,
          KAFKA_SASL_USERNAME: connection.sasl.username,
          KAFKA_SASL_PASSWORD: connection.sasl.password,
        }
      : {}),
    ...(connection.ssl ? { KAFKA_SSL: 'true', ...(connection.ssl.caFile ? { KAFKA_SSL_CA_FILE: connection.ssl.caFile } : {}) } : {}),
  };
}

/** The one place a kafkajs client's config is built: brokers, SASL and TLS from the connection. */
export function kafkaClientConfig(
  connection: KafkaConnection,
  clientId: string,
  options: Omit<KafkaConfig, 'brokers' | 'clientId' | 'sasl' | 'ssl'> = {},
): KafkaConfig {
  return {
    logLevel: logLevel.NOTHING,
    ...options,
    clientId,
    brokers: connection.brokers,
    ...(connection.sasl ? { sasl: connection.sasl as SASLOptions } : {}),
    ...(connection.ssl ? { ssl: connection.ssl.caFile ? { ca: [readFileSync(connection.ssl.caFile, 'utf8')] } : true } : {}),
  };
}
