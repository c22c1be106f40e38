import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  DeadLetterDetail,
  DeadLetterRedriven,
  DeadLetterSummary,
  Page,
  SERVICE_OPERATIONS_ROUTES,
  ServiceOutboxBacklog,
} from '@sinergi/contracts';
import { Operation } from '../auth';
import { UuidParam } from '../errors';
import { ServiceDeadLettersQuery } from './dead-letters.query';
import { ServiceOperations } from './service-operations';

const path = (operation: keyof typeof SERVICE_OPERATIONS_ROUTES) => SERVICE_OPERATIONS_ROUTES[operation][1].slice(1);

/** Every service's outbox and dead letters, for the gateway's `gateway:operations` caller (the access table says so). */
@Controller()
export class ServiceOperationsController {
  constructor(private readonly operations: ServiceOperations) {}

  @Get(path('service-operations.outbox'))
  @Operation('service-operations.outbox')
  outbox(): Promise<ServiceOutboxBacklog> {
    return this.operations.outbox();
  }

  @Get(path('service-operations.dead-letters'))
  @Operation('service-operations.dead-letters')
  deadLetters(@Query() query: ServiceDeadLettersQuery): Promise<Page<DeadLetterSummary>> {
    return this.operations.deadLetters(query);
  }

  @Get(path('service-operations.dead-letter'))
  @Operation('service-operations.dead-letter')
  deadLetter(@Param('id', UuidParam) id: string): Promise<DeadLetterDetail> {
    return this.operations.deadLetter(id);
  }

  @Post(path('service-operations.redrive'))
  @Operation('service-operations.redrive')
  @HttpCode(HttpStatus.ACCEPTED)
  redrive(@Param('id', UuidParam) id: string): Promise<DeadLetterRedriven> {
    return this.operations.redrive(id);
  }
}
