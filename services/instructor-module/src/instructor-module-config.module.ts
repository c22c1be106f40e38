import { DynamicModule, Global, Module } from '@nestjs/common';
import { ServiceConfig } from '@sinergi/platform';
import { InstructorModuleConfig } from './instructor-module.config';

/** Makes InstructorModuleConfig injectable everywhere in the service. */
@Global()
@Module({})
export class InstructorModuleConfigModule {
  /** The service definition hands modules the common config type; this service's is always an InstructorModuleConfig. */
  static forRoot(config: ServiceConfig): DynamicModule {
    if (!(config instanceof InstructorModuleConfig)) throw new Error('InstructorModuleConfigModule needs the service to load InstructorModuleConfig');
    return { module: InstructorModuleConfigModule, providers: [{ provide: InstructorModuleConfig, useValue: config }], exports: [InstructorModuleConfig] };
  }
}
