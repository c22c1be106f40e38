import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Delivery } from './delivery.entity';
import { FindDeliveriesQuery } from './find-deliveries.query';

@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  /** Deliveries owed because of one event, or of everything one request (correlation id) caused. */
  @Get()
  find(@Query() query: FindDeliveriesQuery): Promise<Delivery[]> {
    return this.dataSource.getRepository(Delivery).find({
      where: query.eventId ? { eventId: query.eventId } : { correlationId: query.correlationId },
      order: { createdAt: 'ASC', recipient: 'ASC' },
    });
  }
}
