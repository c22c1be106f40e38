import { DynamicModule, INestApplication, Logger, Module, Type } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MigrationInterface } from 'typeorm';
import { EVENT_CATALOG, ServiceName, withTopicPrefix } from '@sinergi/contracts';
import { connectInboxTransport, ConsumerStatus, MESSAGING_MIGRATIONS, MessagingModule, redriveGroupPrefixOf } from '@sinergi/messaging';
import { AccessGuard, InternalTokenVerifier, PRINCIPAL_RESOLVER, PrincipalResolver } from './auth';
import { InputGuardPipe, ProblemFilter, servicesValidationPipe, useBodyParsing } from './errors';
import { HEALTH_KAFKA_CONNECTION, HealthController } from './health.controller';
import { runMigrations } from './migrations';
import { ServiceOperationsContext, ServiceOperationsModule } from './operations';
import { ConfigError, loadConfig, ServiceConfig } from './service-config';
import { traceMiddleware } from './trace.middleware';

export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: ServiceName;
  /** Loaded from the environment at start-up and provided globally: inject it by this class anywhere in the service. */
  configClass: new () => C;
  /** The service's feature modules. */
  modules: Array<Type | DynamicModule>;
  entities: Type[];
  migrations: Array<new () => MigrationInterface>;
  /** Whether the service has @OnEvent handlers, and so joins a consumer group. */
  consumesEvents: boolean;
  /**
   * How many partitions its consumer handles at once (default: the inbox transport's 3). More lets a burst spread
   * over a topic's six partitions; order within a partition, and so per key, is kept.
   */
  partitionsConsumedConcurrently?: number;
  /** Whom a request speaks for. Default: the gateway's internal token (INTERNAL_TOKEN_JWKS). */
  principalResolver?: Type<PrincipalResolver>;
  /** Middleware beyond the common ones, applied before body parsing (the gateway: security headers, CORS, OpenAPI). */
  configureApp?(app: NestExpressApplication, config: C): void | Promise<void>;
}

@Module({})
class ServiceRootModule {}

@Module({})
class ServiceConfigModule {}

/** The validated config, injectable by its class in every module of the service (and of a test module that imports this). */
export function serviceConfigModule<C extends ServiceConfig>(configClass: new () => C, config: C): DynamicModule {
  return { module: ServiceConfigModule, global: true, providers: [{ provide: configClass, useValue: config }], exports: [configClass] };
}

export function serviceRootModule<C extends ServiceConfig>(definition: ServiceDefinition<C>, config: C): DynamicModule {
  const catalog = withTopicPrefix(EVENT_CATALOG, config.KAFKA_TOPIC_PREFIX ?? '');
  const operationsContext: ServiceOperationsContext = {
    service: definition.name,
    kafka: config.kafkaConnection,
    topicPrefix: config.KAFKA_TOPIC_PREFIX ?? '',
    redriveGroupPrefix: redriveGroupPrefixOf(definition.name, config.KAFKA_TOPIC_PREFIX ?? ''),
  };
  return {
    module: ServiceRootModule,
    imports: [
      serviceConfigModule(definition.configClass, config),
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: config.DATABASE_URL,
        entities: definition.entities,
        synchronize: false,
        migrationsRun: false,
        extra: { max: 10, application_name: definition.name },
      }),
      MessagingModule.forRoot({
        serviceName: definition.name,
        kafka: config.kafkaConnection,
        databaseUrl: config.DATABASE_URL,
        catalog,
        schemaBaseUrl: config.SCHEMA_BASE_URL,
      }),
      // The gateway reads its own outbox and dead letters directly; the services serve theirs to it.
      ServiceOperationsModule.forRoot(operationsContext, definition.name !== 'gateway'),
      ...definition.modules,
    ],
    controllers: [HealthController],
    providers: [
      { provide: HEALTH_KAFKA_CONNECTION, useValue: config.kafkaConnection },
      { provide: ConsumerStatus, useValue: new ConsumerStatus() },
      definition.principalResolver
        ? { provide: PRINCIPAL_RESOLVER, useClass: definition.principalResolver }
        : { provide: PRINCIPAL_RESOLVER, useValue: new InternalTokenVerifier(JSON.parse(config.INTERNAL_TOKEN_JWKS), definition.name) },
      { provide: APP_GUARD, useClass: AccessGuard },
    ],
  };
}

/** A service's consumer group: `<topic prefix><service>`. */
export function consumerGroupOf(service: ServiceName, config: Pick<ServiceConfig, 'KAFKA_TOPIC_PREFIX'>): string {
  return `${config.KAFKA_TOPIC_PREFIX ?? ''}${service}`;
}

/**
 * Validates config, migrates the service's database, then starts HTTP and (when it consumes
 * events) the Kafka transport in one process. SIGTERM/SIGINT drain in-flight work before pools close.
 */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const logger = new Logger(definition.name);
  const config = loadConfig(definition.configClass, definition.name, env);
  const applied = await runMigrations(config.DATABASE_URL, [...MESSAGING_MIGRATIONS, ...definition.migrations]);
  if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);

  const app = await NestFactory.create<NestExpressApplication>(serviceRootModule(definition, config), { logger: ['error', 'warn', 'log'], bodyParser: false });
  app.enableShutdownHooks();
  app.use(traceMiddleware);
  await definition.configureApp?.(app, config);
  useBodyParsing(app);
  app.useGlobalPipes(new InputGuardPipe(), servicesValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  if (definition.consumesEvents) {
    const prefix = config.KAFKA_TOPIC_PREFIX ?? '';
    connectInboxTransport(app, {
      ...config.kafkaConnection,
      clientId: definition.name,
      groupId: consumerGroupOf(definition.name, config),
      catalog: withTopicPrefix(EVENT_CATALOG, prefix),
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      partitionsConsumedConcurrently: definition.partitionsConsumedConcurrently,
      status: app.get(ConsumerStatus),
    });
    await app.startAllMicroservices();
  }
  await (config.HTTP_HOST ? app.listen(config.HTTP_PORT, config.HTTP_HOST) : app.listen(config.HTTP_PORT));
  logger.log(`listening on ${await app.getUrl()}`);
  return app;
}

/** The whole of a service's main.ts: start, or explain why not and exit non-zero. */
export function runServiceMain<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  startService(definition).catch((error: Error & { code?: string; port?: number }) => {
    process.stderr.write(`${explainStartFailure(definition.name, error)}\n`);
    process.exit(1);
  });
}

function explainStartFailure(service: string, error: Error & { code?: string; port?: number }): string {
  if (error instanceof ConfigError) return error.message;
  if (error.code === 'EADDRINUSE') {
    return `${service} cannot listen on port ${error.port}: another process holds it. Set HTTP_PORT to a free port (under npm start: SINERGI_${service.toUpperCase().replace(/-/g, '_')}_PORT).`;
  }
  return `${service} failed to start: ${error.stack ?? error.message}`;
}
