import { applyDecorators, Controller, Get, HttpStatus, Param, PipeTransform, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ConsumerLag, DeadLetterSummary, GatewayOperationId, HTTP_SCHEMAS, OutboxBacklog, Page, ServiceName } from '@sinergi/contracts';
import { InvalidInput, Operation, ServiceOperations, UuidParam } from '@sinergi/platform';
import { ApiProblems } from '../api/api-problems';
import { API_PREFIX } from '../api/api-routes';
import { sendAnswer } from '../api/forwarder';
import { queryParametersOf } from '../api/forwarding-controllers';
import { ConsumerLagReader } from './consumer-lag';
import { OPERATED_SERVICES } from './dead-letter-paging';
import { DeadLettersQuery } from './operations.queries';
import { OperationsService } from './operations.service';

const schemas = (operation: GatewayOperationId) => HTTP_SCHEMAS.operations[operation];

/** A `:service` of the Operations page. */
class OperatedServiceParam implements PipeTransform<string, ServiceName> {
  transform(value: string): ServiceName {
    if ((OPERATED_SERVICES as readonly string[]).includes(value)) return value as ServiceName;
    throw new InvalidInput({ field: 'service', rule: 'isIn', message: `service must be one of ${OPERATED_SERVICES.join(', ')}` });
  }
}

const serviceParam = ApiParam({ name: 'service', enum: [...OPERATED_SERVICES] });
const idParam = ApiParam({ name: 'id', format: 'uuid', description: 'The dead letter, as the list names it' });

/**
 * The Operations page: consumer lag (from the broker), outbox backlogs and dead letters (from each service's own
 * database, through its Operations routes), and the re-drive of a dead letter by its service. Personal data in a
 * dead letter is always masked.
 */
@ApiTags('operations')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller(`${API_PREFIX}/operations`)
export class OperationsController {
  constructor(
    private readonly lag: ConsumerLagReader,
    private readonly operations: OperationsService,
    private readonly gateway: ServiceOperations,
  ) {}

  @Get('consumer-lag')
  @Operation('operations.consumer-lag')
  @ApiOperation({
    operationId: 'operations.consumer-lag',
    summary: "Each service's consumer group, per topic partition: committed offset, end, lag",
  })
  @ApiResponse({ status: 200, description: 'One row per group and partition', schema: schemas('operations.consumer-lag').answer })
  consumerLag(): Promise<ConsumerLag[]> {
    return this.lag.read();
  }

  @Get('outbox')
  @Operation('operations.outbox')
  @ApiOperation({
    operationId: 'operations.outbox',
    summary: "Each service's outbox: rows waiting, rows parked, the oldest waiting one's age",
  })
  @ApiResponse({ status: 200, description: 'One row per service', schema: schemas('operations.outbox').answer })
  outbox(): Promise<OutboxBacklog[]> {
    return this.operations.outbox();
  }

  @Get('dead-letters')
  @Operation('operations.dead-letters')
  @ApiOperation({ operationId: 'operations.dead-letters', summary: "The services' dead letters, newest first" })
  @applyDecorators(...queryParametersOf(schemas('operations.dead-letters').query))
  @ApiResponse({
    status: 200,
    description: 'A page of dead letters; `next` is the cursor of the following page',
    schema: schemas('operations.dead-letters').answer,
  })
  deadLetters(@Query() query: DeadLettersQuery): Promise<Page<DeadLetterSummary>> {
    return this.operations.deadLetters(query);
  }

  @Get('dead-letters/:service/:id')
  @Operation('operations.dead-letter')
  @ApiOperation({ operationId: 'operations.dead-letter', summary: 'A dead letter: its headers, reason and message, personal data masked' })
  @serviceParam
  @idParam
  @ApiResponse({ status: 200, description: 'The dead letter', schema: schemas('operations.dead-letter').answer })
  async deadLetter(
    @Param('service', OperatedServiceParam) service: ServiceName,
    @Param('id', UuidParam) id: string,
    @Res() response: Response,
  ): Promise<void> {
    if (service === 'gateway') response.status(HttpStatus.OK).json(await this.gateway.deadLetter(id));
    else sendAnswer(response, await this.operations.deadLetter(service, id));
  }

  @Post('dead-letters/:service/:id/redrive')
  @Operation('operations.redrive')
  @ApiOperation({
    operationId: 'operations.redrive',
    summary: 'Send a dead letter back to its topic, where its service handles it again',
    description: 'Once per dead letter: a second re-drive answers 409. If the message fails again, it is a new dead letter.',
  })
  @serviceParam
  @idParam
  @ApiResponse({ status: 202, description: 'Sent back to its topic', schema: schemas('operations.redrive').answer })
  async redrive(
    @Param('service', OperatedServiceParam) service: ServiceName,
    @Param('id', UuidParam) id: string,
    @Res() response: Response,
  ): Promise<void> {
    if (service === 'gateway') response.status(HttpStatus.ACCEPTED).json(await this.gateway.redrive(id));
    else sendAnswer(response, await this.operations.redrive(service, id));
  }
}
