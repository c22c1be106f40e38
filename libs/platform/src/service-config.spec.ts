import { Matches } from 'class-validator';
import { ConfigError, loadConfig, ServiceConfig } from './service-config';

const valid = { HTTP_PORT: '3001', DATABASE_URL: 'postgres://u:secret@db:5432/sinergi_program', KAFKA_BROKERS: 'k1:9092,k2:9092', INTERNAL_TOKEN_JWKS: '{"keys":[]}' };

describe('loadConfig', () => {
  it('reads a valid environment, converting numbers', () => {
    const config = loadConfig(ServiceConfig, 'program', valid);
    expect(config.HTTP_PORT).toBe(3001);
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('names every missing setting and its rule', () => {
    expect(() => loadConfig(ServiceConfig, 'program', {})).toThrow(ConfigError);
    try {
      loadConfig(ServiceConfig, 'program', {});
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('program cannot start, its configuration is invalid');
      expect(message).toMatch(/HTTP_PORT: .*must be a whole number.*\(it is not set\)/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL .*\(it is not set\)/);
      expect(message).toMatch(/KAFKA_BROKERS: must be a comma-separated list of host:port.*\(it is not set\)/);
      expect(message).toMatch(/INTERNAL_TOKEN_JWKS: must be the JSON of a JWKS.*\(it is not set\)/);
    }
  });

  it('shows a bad value, except for settings that may hold credentials', () => {
    const attempt = () => loadConfig(ServiceConfig, 'program', { ...valid, HTTP_PORT: '70000', KAFKA_BROKERS: 'nope', DATABASE_URL: 'mysql://u:secret@db/x' });
    expect(attempt).toThrow(/HTTP_PORT: must be between 0 and 65535 \(0 picks a free port\) \(got "70000"\)/);
    expect(attempt).toThrow(/KAFKA_BROKERS: .* \(got "nope"\)/);
    expect(attempt).toThrow(/DATABASE_URL: .* \(value hidden\)/);
    expect(attempt).not.toThrow(/secret/);
  });

  it('hides the value of any key, secret, password or token setting', () => {
    class WithKey extends ServiceConfig {
      @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64' })
      NIK_ENCRYPTION_KEY!: string;
    }
    const attempt = () => loadConfig(WithKey, 'enrollment', { ...valid, NIK_ENCRYPTION_KEY: 'too-short-secret' });
    expect(attempt).toThrow(/NIK_ENCRYPTION_KEY: must be 32 bytes in base64 \(value hidden\)/);
    expect(attempt).not.toThrow(/too-short-secret/);
  });

  it('hides a URL that carries credentials, whatever the setting is called', () => {
    class WithRelay extends ServiceConfig {
      @Matches(/^smtps?:\/\/[^/]+$/, { message: 'must be an smtp:// URL' })
      SMTP_URL!: string;
    }
    const attempt = () => loadConfig(WithRelay, 'notification', { ...valid, SMTP_URL: 'http://mailer:hunter2@relay:587' });
    expect(attempt).toThrow(/SMTP_URL: must be an smtp:\/\/ URL \(value hidden\)/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('refuses a Kafka session timeout the broker would refuse', () => {
    expect(() => loadConfig(ServiceConfig, 'program', { ...valid, KAFKA_SESSION_TIMEOUT_MS: '1000' })).toThrow(
      /KAFKA_SESSION_TIMEOUT_MS: must be at least 6000/,
    );
  });
  it('reads SASL/SCRAM and TLS settings into the Kafka connection', () => {
    const config = loadConfig(ServiceConfig, 'program', {
      ...valid,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'program',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
    });
    expect(config.kafkaConnection).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      sasl: { mechanism: 'scram-sha-512', username: 'program', password: 'pw' },
      ssl: { caFile: '/etc/kafka/ca.pem' },
    });
    expect(loadConfig(ServiceConfig, 'program', valid).kafkaConnection).toEqual({ brokers: ['k1:9092', 'k2:9092'] });
  });

  it('wants a principal and password with a SASL mechanism, and never shows the password', () => {
    const attempt = () => loadConfig(ServiceConfig, 'program', { ...valid, KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_PASSWORD: 'hunter2' });
    expect(attempt).toThrow(/KAFKA_SASL_MECHANISM: must be scram-sha-512, scram-sha-256 or plain \(got "gssapi"\)/);
    expect(attempt).toThrow(/KAFKA_SASL_USERNAME: must be set with KAFKA_SASL_MECHANISM/);
    expect(attempt).not.toThrow(/hunter2/);
    expect(() => loadConfig(ServiceConfig, 'program', { ...valid, KAFKA_SSL: 'yes' })).toThrow(/KAFKA_SSL: must be true or false/);
  });
});
