import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryView, Page } from '@sinergi/contracts';
import { Caller, CurrentCaller, keysetPage, maskPersonalFields, maskPersonalText, NotFound, Operation, UuidParam } from '@sinergi/platform';
import { Delivery } from './delivery.entity';
import { withoutSealedCode } from '../sign-in-codes/sign-in-code.rules';
import { FindDeliveriesQuery } from './find-deliveries.query';

/** Delivery status: what is owed or held, sent, failed (with the reason), cancelled or superseded. Never contact data, never the text. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Deliveries owed because of one event, to one recipient, about one class (every delivery an event naming the class
   * planned) or of everything one request (correlation id) caused, a page at a time in the order they were created
   * (then by id).
   */
  @Get()
  @Operation('deliveries.list')
  async find(@Query() query: FindDeliveriesQuery, @CurrentCaller() caller: Caller): Promise<Page<DeliveryView>> {
    const rows = this.dataSource.getRepository(Delivery).createQueryBuilder('delivery');
    if (query.recipient) rows.where('delivery.recipient = :recipient', { recipient: query.recipient });
    else if (query.eventId) rows.where('delivery.eventId = :eventId', { eventId: query.eventId });
    else if (query.batchId) rows.where('delivery.batchId = :batchId', { batchId: query.batchId });
    else rows.where('delivery.correlationId = :correlationId', { correlationId: query.correlationId });
    // created_at holds microseconds, a cursor only the milliseconds a Date keeps: order by what the cursor can say.
    const createdAt = "date_trunc('milliseconds', delivery.created_at)";
    return keysetPage(rows, query, { columns: [createdAt, 'delivery.id'], keyOf: (row) => [row.createdAt.toISOString(), row.id] }, (row) =>
      deliveryView(row, caller),
    );
  }

  @Get(':id')
  @Operation('deliveries.get')
  async get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    const delivery = await this.dataSource.getRepository(Delivery).findOneBy({ id });
    if (!delivery) throw new NotFound({ field: 'id', rule: 'exists', message: `no delivery ${id}` });
    return deliveryView(delivery, caller);
  }
}

/** A masked reach sees the texts (a provider's error, a template's params) with any NIK, e-mail address or phone masked. */
function deliveryView({ eventTime, nextAttemptAt, createdAt, updatedAt, ...delivery }: Delivery, caller: Caller): DeliveryView {
  const view = {
    ...delivery,
    params: withoutSealedCode(delivery.params),
    eventTime: eventTime.toISOString(),
    nextAttemptAt: nextAttemptAt.toISOString(),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
  if (!caller.masked) return view;
  return {
    ...view,
    params: maskPersonalFields(view.params) as Record<string, unknown>,
    lastError: view.lastError === null ? null : maskPersonalText(view.lastError),
  };
}
