import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReservationView } from '@sinergi/contracts';
import { FindReservationsQuery } from './find-reservations.query';
import { Reservation } from './reservation.entity';
import { Operation } from '@sinergi/platform';

@Controller('reservations')
export class ReservationsController {
  constructor(private readonly dataSource: DataSource) {}

  /** Every reservation (active, released, withdrawn) of one batch or of one venue. */
  @Get()
  @Operation('reservations.list')
  async find(@Query() query: FindReservationsQuery): Promise<ReservationView[]> {
    const reservations = await this.dataSource.getRepository(Reservation).find({
      where: { ...(query.batchId ? { batchId: query.batchId } : {}), ...(query.venueCode ? { venueCode: query.venueCode } : {}) },
      order: { startDate: 'ASC', roomCode: 'ASC', createdAt: 'ASC' },
    });
    return reservations.map(({ createdAt, endedAt, ...reservation }) => ({
      ...reservation,
      createdAt: createdAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
    }));
  }
}
