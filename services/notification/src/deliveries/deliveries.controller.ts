import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryView } from '@sinergi/contracts';
import { NotFound, Operation, UuidParam } from '@sinergi/platform';
import { Delivery } from './delivery.entity';
import { withoutSealedCode } from '../sign-in-codes/sign-in-code.rules';
import { FindDeliveriesQuery } from './find-deliveries.query';

/** Delivery status: what is owed, sent, failed (with the reason) or cancelled. Never contact data, never the text. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  /** Deliveries owed because of one event, of everything one request (correlation id) caused, or to one recipient. */
  @Get()
  @Operation('deliveries.list')
  async find(@Query() query: FindDeliveriesQuery): Promise<DeliveryView[]> {
    const where = query.recipient ? { recipient: query.recipient } : query.eventId ? { eventId: query.eventId } : { correlationId: query.correlationId };
    const deliveries = await this.dataSource.getRepository(Delivery).find({ where, order: { createdAt: 'ASC', recipient: 'ASC', template: 'ASC' }, take: 500 });
    return deliveries.map(deliveryView);
  }

  @Get(':id')
  @Operation('deliveries.get')
  async get(@Param('id', UuidParam) id: string): Promise<DeliveryView> {
    const delivery = await this.dataSource.getRepository(Delivery).findOneBy({ id });
    if (!delivery) throw new NotFound({ field: 'id', rule: 'exists', message: `no delivery ${id}` });
    return deliveryView(delivery);
  }
}

function deliveryView({ nextAttemptAt, createdAt, updatedAt, ...delivery }: Delivery): DeliveryView {
  return { ...delivery, params: withoutSealedCode(delivery.params), nextAttemptAt: nextAttemptAt.toISOString(), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
