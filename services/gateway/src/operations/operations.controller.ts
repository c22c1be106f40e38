import { Controller, Get, HttpStatus, Param, PipeTransform, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ConsumerLag, DeadLetterSummary, OutboxBacklog, Page, ServiceName } from '@sinergi/contracts';
import { InvalidInput, ServiceOperations, UuidParam } from '@sinergi/platform';
import { ApiContract } from '../api/api-contract';
import { ApiProblems } from '../api/api-problems';
import { API_PREFIX } from '../api/api-routes';
import { sendAnswer } from '../api/forwarder';
import { ConsumerLagReader } from './consumer-lag';
import { OPERATED_SERVICES } from './dead-letter-paging';
import { DeadLettersQuery } from './operations.queries';
import { OperationsService } from './operations.service';

/** A `:service` of the Operations page. */
class OperatedServiceParam implements PipeTransform<string, ServiceName> {
  transform(value: string): ServiceName {
    if ((OPERATED_SERVICES as readonly string[]).includes(value)) return value as ServiceName;
    throw new InvalidInput({ field: 'service', rule: 'isIn', message: `service must be one of ${OPERATED_SERVICES.join(', ')}` });
  }
}

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
  @ApiContract('operations.consumer-lag', "Each service's consumer group, per topic partition: committed offset, end, lag")
  consumerLag(): Promise<ConsumerLag[]> {
    return this.lag.read();
  }

  @Get('outbox')
  @ApiContract('operations.outbox', "Each service's outbox: rows waiting, rows parked, the oldest waiting one's age")
  outbox(): Promise<OutboxBacklog[]> {
    return this.operations.outbox();
  }

  @Get('dead-letters')
  @ApiContract('operations.dead-letters', "The services' dead letters, newest first; `next` is the cursor of the following page")
  deadLetters(@Query() query: DeadLettersQuery): Promise<Page<DeadLetterSummary>> {
    return this.operations.deadLetters(query);
  }

  @Get('dead-letters/:service/:id')
  @ApiContract('operations.dead-letter', 'A dead letter: its headers, reason and message, personal data masked')
  async deadLetter(
    @Param('service', OperatedServiceParam) service: ServiceName,
    @Param('id', UuidParam) id: string,
    @Res() response: Response,
  ): Promise<void> {
    if (service === 'gateway') response.status(HttpStatus.OK).json(await this.gateway.deadLetter(id));
    else sendAnswer(response, await this.operations.deadLetter(service, id));
  }

  @Post('dead-letters/:service/:id/redrive')
  @ApiContract(
    'operations.redrive',
    'Send a dead letter back to its topic, where its service handles it again; once per dead letter (a second re-drive answers 409)',
  )
  async redrive(
    @Param('service', OperatedServiceParam) service: ServiceName,
    @Param('id', UuidParam) id: string,
    @Res() response: Response,
  ): Promise<void> {
    if (service === 'gateway') response.status(HttpStatus.ACCEPTED).json(await this.gateway.redrive(id));
    else sendAnswer(response, await this.operations.redrive(service, id));
  }
}
