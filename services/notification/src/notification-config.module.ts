import { DynamicModule, Global, Module } from '@nestjs/common';
import { ServiceConfig } from '@sinergi/platform';
import { NotificationConfig } from './notification.config';

/** The service definition hands modules the common config type; notification's is always a NotificationConfig. */
export function asNotificationConfig(config: ServiceConfig): NotificationConfig {
  if (!(config instanceof NotificationConfig)) throw new Error('notification needs its service definition to load NotificationConfig');
  return config;
}

/** Makes NotificationConfig injectable everywhere in the service. */
@Global()
@Module({})
export class NotificationConfigModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return { module: NotificationConfigModule, providers: [{ provide: NotificationConfig, useValue: config }], exports: [NotificationConfig] };
  }
}
