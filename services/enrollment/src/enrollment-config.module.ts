import { DynamicModule, Global, Module } from '@nestjs/common';
import { ServiceConfig } from '@sinergi/platform';
import { EnrollmentConfig } from './enrollment.config';

/** Makes EnrollmentConfig injectable everywhere in the service. */
@Global()
@Module({})
export class EnrollmentConfigModule {
  /** The service definition hands modules the common config type; enrollment's is always an EnrollmentConfig. */
  static forRoot(config: ServiceConfig): DynamicModule {
    if (!(config instanceof EnrollmentConfig)) throw new Error('EnrollmentConfigModule needs the enrollment service to load EnrollmentConfig');
    return { module: EnrollmentConfigModule, providers: [{ provide: EnrollmentConfig, useValue: config }], exports: [EnrollmentConfig] };
  }
}
