import { ArgumentsHost, Catch, INestApplication, RpcExceptionFilter } from '@nestjs/common';
import { NestMicroservice } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Observable, throwError } from 'rxjs';
import { KafkaInboxTransport, KafkaInboxTransportOptions } from './kafka-inbox.transport';

/**
 * Nest turns a handler's error into a generic "Internal server error" object; the transport
 * needs the error itself to retry and to record why it dead-lettered a message.
 */
@Catch()
class PropagateHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Attaches the inbox transport to a Nest app, on the app's own DataSource. Call before app.init(). */
export function connectInboxTransport(
  app: INestApplication,
  options: Omit<KafkaInboxTransportOptions, 'dataSource'>,
): KafkaInboxTransport {
  const strategy = new KafkaInboxTransport({ ...options, dataSource: app.get(DataSource) });
  // What connectMicroservice does when not deferred, with the filter in place before handlers are bound.
  const microservice = app.connectMicroservice<object>({ strategy }, { deferInitialization: true }) as NestMicroservice;
  microservice.useGlobalFilters(new PropagateHandlerErrors());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  return strategy;
}
