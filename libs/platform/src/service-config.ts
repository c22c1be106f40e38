import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsJSON, IsNotEmpty, IsOptional, IsUrl, Matches, Max, Min, ValidateIf, validateSync, ValidationError } from 'class-validator';
import { KafkaConnection, kafkaConnectionFrom } from '@sinergi/messaging';

/** Settings every service reads from its environment; a service's own config class extends it. */
export class ServiceConfig {
  /** Where the gateway serves the event schemas: the base of every event's dataschema URL. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL, e.g. https://sinergi.kemnaker.go.id' })
  SCHEMA_BASE_URL?: string;

  /** The gateway's public keys (a JWKS, JSON): every request must carry an internal token they verify. */
  @IsJSON({ message: 'must be the JSON of a JWKS ({"keys":[...]}), the public half of the gateway\'s INTERNAL_TOKEN_SIGNING_KEY' })
  INTERNAL_TOKEN_JWKS!: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 65535 (0 picks a free port)' })
  @Max(65535, { message: 'must be between 0 and 65535 (0 picks a free port)' })
  HTTP_PORT!: number;

  /** The address HTTP binds to: 127.0.0.1 for a service only the gateway should reach. Not set: every interface. */
  @IsOptional()
  @IsIP(undefined, { message: 'must be an IP address, e.g. 127.0.0.1 or 0.0.0.0' })
  HTTP_HOST?: string;

  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'must be a postgres:// URL that names the service database, e.g. postgres://user:pass@host:5432/sinergi_program',
  })
  DATABASE_URL!: string;

  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092',
  })
  KAFKA_BROKERS!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(6000, { message: 'must be at least 6000 (the broker refuses shorter sessions)' })
  KAFKA_SESSION_TIMEOUT_MS?: number;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]*\.$/, { message: 'must be lower-case letters, digits or - and end with a dot, e.g. staging.' })
  KAFKA_TOPIC_PREFIX?: string;

  /** SASL: the broker's users are SCRAM-SHA-512 (npm start's local broker does the same). Not set: anonymous. */
  @IsOptional()
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain'], { message: 'must be scram-sha-512, scram-sha-256 or plain' })
  KAFKA_SASL_MECHANISM?: string;

  @ValidateIf((config: ServiceConfig) => Boolean(config.KAFKA_SASL_MECHANISM))
  @IsNotEmpty({ message: 'must be set with KAFKA_SASL_MECHANISM (the principal)' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((config: ServiceConfig) => Boolean(config.KAFKA_SASL_MECHANISM))
  @IsNotEmpty({ message: 'must be set with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_PASSWORD?: string;

  /** TLS to the brokers; KAFKA_SSL_CA_FILE (PEM) trusts a private CA and implies it. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  KAFKA_SSL?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must be the path of a PEM file' })
  KAFKA_SSL_CA_FILE?: string;

  get kafkaBrokers(): string[] {
    return this.kafkaConnection.brokers;
  }

  get kafkaConnection(): KafkaConnection {
    return kafkaConnectionFrom(this);
  }
}

/** Settings whose values may hold credentials or keys: never echoed back in an error. */
function isSecretSetting(name: string): boolean {
  return name === 'DATABASE_URL' || /(KEY|SECRET|PASSWORD|TOKEN)$/.test(name);
}

/** A URL with user:password@ in it, e.g. SMTP_URL=smtp://user:password@relay:587. */
function carriesCredentials(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*@/i.test(value);
}

export class ConfigError extends Error {}

/** Reads and validates a config class from the environment; the error lists every bad setting and its rule. */
export function loadConfig<T extends ServiceConfig>(
  configClass: new () => T,
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(configClass, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => describe(error, env));
    throw new ConfigError(`${serviceName} cannot start, its configuration is invalid:\n${lines.join('\n')}`);
  }
  return config;
}

function describe(error: ValidationError, env: NodeJS.ProcessEnv): string {
  const value = env[error.property];
  const shown = value === undefined ? 'it is not set' : isSecretSetting(error.property) || carriesCredentials(value) ? 'value hidden' : `got "${value}"`;
  const rules = Object.values(error.constraints ?? {}).join('; ');
  return `  - ${error.property}: ${rules} (${shown})`;
}
