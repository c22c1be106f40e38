import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaClientConfig, kafkaConnectionEnv, kafkaConnectionFrom } from './kafka-connection';

describe('kafkaClientConfig', () => {
  it('is anonymous and in plain text without SASL or TLS settings', () => {
    const config = kafkaClientConfig(kafkaConnectionFrom({ KAFKA_BROKERS: 'a:9092, b:9092' }), 'svc');
    expect(config).toMatchObject({ clientId: 'svc', brokers: ['a:9092', 'b:9092'] });
    expect(config.sasl).toBeUndefined();
    expect(config.ssl).toBeUndefined();
  });

  it('carries SCRAM credentials and trusts the CA file it is given', () => {
    const caFile = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const connection = kafkaConnectionFrom({
      KAFKA_BROKERS: 'a:9093',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'kemenumkm',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL_CA_FILE: caFile,
    });
    const config = kafkaClientConfig(connection, 'svc');
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'kemenumkm', password: 'pw' });
    expect(config.ssl).toEqual({ ca: [expect.stringContaining('BEGIN CERTIFICATE')] });
    expect(kafkaConnectionFrom({ KAFKA_BROKERS: 'a:9093', KAFKA_SSL: 'true' }).ssl).toEqual({});
    expect(kafkaConnectionFrom(kafkaConnectionEnv(connection))).toEqual(connection);
  });
});
