import { DynamicModule, Module } from '@nestjs/common';
import { SERVICE_OPERATIONS_CONTEXT, ServiceOperations, ServiceOperationsContext } from './service-operations';
import { ServiceOperationsController } from './service-operations.controller';

/**
 * A service's outbox and dead letters (ServiceOperations, injectable anywhere in the service) and, unless the service
 * reads its own (the gateway), the routes that serve them to the gateway.
 */
@Module({})
export class ServiceOperationsModule {
  static forRoot(context: ServiceOperationsContext, serveRoutes: boolean): DynamicModule {
    return {
      module: ServiceOperationsModule,
      global: true,
      controllers: serveRoutes ? [ServiceOperationsController] : [],
      providers: [{ provide: SERVICE_OPERATIONS_CONTEXT, useValue: context }, ServiceOperations],
      exports: [ServiceOperations],
    };
  }
}
