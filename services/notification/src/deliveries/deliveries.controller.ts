import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInput, NotFound } from '@sinergi/platform';
import { Delivery } from './delivery.entity';
import { FindDeliveriesQuery } from './find-deliveries.query';

/** Delivery status: what is owed, sent, failed (with the reason) or cancelled. Never contact data, never the text. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  /** Deliveries owed because of one event, of everything one request (correlation id) caused, or to one recipient. */
  @Get()
  find(@Query() query: FindDeliveriesQuery): Promise<Delivery[]> {
    const where = query.recipient ? { recipient: query.recipient } : query.eventId ? { eventId: query.eventId } : { correlationId: query.correlationId };
    return this.dataSource.getRepository(Delivery).find({ where, order: { createdAt: 'ASC', recipient: 'ASC', template: 'ASC' }, take: 500 });
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new InvalidInput({ field: 'id', rule: 'isUuid', message: 'id must be a delivery UUID' }) })) id: string): Promise<Delivery> {
    const delivery = await this.dataSource.getRepository(Delivery).findOneBy({ id });
    if (!delivery) throw new NotFound({ field: 'id', rule: 'exists', message: `no delivery ${id}` });
    return delivery;
  }
}
