import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReservationPage } from '@sinergi/contracts';
import { FindReservationsQuery } from './find-reservations.query';
import { Reservation } from './reservation.entity';
import { Caller, CurrentCaller, keysetPage, Operation } from '@sinergi/platform';

@Controller('reservations')
export class ReservationsController {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every reservation (active, released, withdrawn) of one batch or of one venue, ordered by startDate, id.
   * With the `own` reach only the caller's venues' reservations; naming another venue is Forbidden.
   */
  @Get()
  @Operation('reservations.list')
  async find(@Query() query: FindReservationsQuery, @CurrentCaller() caller: Caller): Promise<ReservationPage> {
    if (query.venueCode) caller.assertReaches({ venueCodes: [query.venueCode] }, 'venueCode');
    const reservations = this.dataSource.getRepository(Reservation).createQueryBuilder('reservation');
    if (query.batchId) reservations.andWhere('reservation.batchId = :batchId', { batchId: query.batchId });
    if (query.venueCode) reservations.andWhere('reservation.venueCode = :venueCode', { venueCode: query.venueCode });
    if (caller.reach === 'own') {
      const venueCodes = caller.principal?.venueCodes ?? [];
      reservations.andWhere(venueCodes.length ? 'reservation.venueCode IN (:...venueCodes)' : 'FALSE', { venueCodes });
    }
    const order = { columns: ['reservation.startDate', 'reservation.id'], keyOf: (row: Reservation) => [row.startDate, row.id] };
    return keysetPage(reservations, query, order, ({ createdAt, endedAt, ...reservation }) => ({
      ...reservation,
      createdAt: createdAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
    }));
  }
}
