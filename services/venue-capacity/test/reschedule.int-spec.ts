import { batchCancelledEvent, BatchPlanned, BatchRescheduled, batchRescheduledEvent, NewEvent, ReservationView, VenueReservationEnded, VenueReserved, Page } from '@sinergi/contracts';
import { batchPlanned, planned, VenueCapacityHarness } from './support';

/** Room-days held by more than one active reservation: must always be none. */
const DOUBLE_BOOKED_ROOM_DAYS = `
  SELECT venue_code, room_code, day::date::text AS day, count(*)::int AS classes
  FROM reservations, generate_series(start_date, end_date, interval '1 day') AS day
  WHERE status = 'active'
  GROUP BY venue_code, room_code, day HAVING count(*) > 1`;

function rescheduled(batch: BatchPlanned, startDate: string, endDate: string): NewEvent<BatchRescheduled> {
  return batchRescheduledEvent.with(batch.batchId, {
    batchId: batch.batchId,
    programmeId: batch.programmeId,
    previousStartDate: batch.startDate,
    previousEndDate: batch.endDate,
    startDate,
    endDate,
    reason: 'instruktur sakit',
  });
}

describe('venue-capacity moves a reservation when its class is rescheduled (real Kafka, real PostgreSQL)', () => {
  let harness: VenueCapacityHarness;

  beforeAll(async () => {
    harness = await VenueCapacityHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  async function reserve(batch: BatchPlanned): Promise<VenueReserved> {
    await harness.publish(planned(batch));
    const [reserved] = await harness.waitForEvents<VenueReserved>('VenueReserved', (data) => data.batchId === batch.batchId);
    return reserved.data;
  }

  const reservedOn = (batchId: string, startDate: string, count = 1) =>
    harness.waitForEvents<VenueReserved>('VenueReserved', (data) => data.batchId === batchId && data.startDate === startDate, count);
  const withdrawnFor = (batchId: string) => harness.waitForEvents<VenueReservationEnded>('VenueReservationWithdrawn', (data) => data.batchId === batchId);

  it('keeps the room on free new dates, frees the old days at once, and re-announces a repeated reschedule', async () => {
    const venueCode = await harness.registerVenue();
    const batch = batchPlanned({ venueCode, startDate: '2027-05-03', endDate: '2027-05-07' });
    const first = await reserve(batch);
    expect(first.roomCode).toBe('R1');

    // The new dates overlap the class's own old days: the reservation must not stand in its own way.
    await harness.publish(rescheduled(batch, '2027-05-05', '2027-05-11'));
    const [moved] = await reservedOn(batch.batchId, '2027-05-05');
    expect(moved.subject).toBe(batch.batchId);
    expect(moved.data).toEqual({ ...first, startDate: '2027-05-05', endDate: '2027-05-11' });

    const other = batchPlanned({ venueCode, startDate: '2027-05-03', endDate: '2027-05-04' });
    expect((await reserve(other)).roomCode).toBe('R1');

    await harness.publish(rescheduled(batch, '2027-05-05', '2027-05-11'));
    const announced = await reservedOn(batch.batchId, '2027-05-05', 2);
    expect(announced[1].data).toEqual(moved.data);

    const rows = await harness.request<Page<ReservationView>>('GET', `/reservations?batchId=${batch.batchId}`);
    expect(rows.body.items).toEqual([
      expect.objectContaining({ id: first.reservationId, roomCode: 'R1', startDate: '2027-05-05', endDate: '2027-05-11', status: 'active' }),
    ]);
    expect(await harness.query(DOUBLE_BOOKED_ROOM_DAYS)).toEqual([]);
  });

  it('moves the class to another room of the venue when its own is taken on the new dates', async () => {
    const venueCode = await harness.registerVenue();
    const moving = batchPlanned({ venueCode, startDate: '2027-06-07', endDate: '2027-06-11' });
    const staying = batchPlanned({ venueCode, startDate: '2027-06-14', endDate: '2027-06-18' });
    const held = await reserve(moving);
    expect(held.roomCode).toBe('R1');
    expect((await reserve(staying)).roomCode).toBe('R1');

    await harness.publish(rescheduled(moving, '2027-06-14', '2027-06-18'));
    const [moved] = await reservedOn(moving.batchId, '2027-06-14');
    expect(moved.data).toEqual({ ...held, roomCode: 'R2', startDate: '2027-06-14', endDate: '2027-06-18' });

    const rows = await harness.request<Page<ReservationView>>('GET', `/reservations?venueCode=${venueCode}`);
    expect(rows.body.items.map((row) => [row.batchId, row.roomCode, row.startDate, row.status]).sort()).toEqual(
      [
        [moving.batchId, 'R2', '2027-06-14', 'active'],
        [staying.batchId, 'R1', '2027-06-14', 'active'],
      ].sort(),
    );
    expect(await harness.query(DOUBLE_BOOKED_ROOM_DAYS)).toEqual([]);
  });

  it('withdraws the reservation when no room is free on the new dates, or a new day is closed', async () => {
    const venueCode = await harness.registerVenue({ rooms: [{ roomCode: 'R1', name: 'Kelas', seats: 20 }], closedDays: ['2027-07-21'] });
    const moving = batchPlanned({ venueCode, startDate: '2027-07-05', endDate: '2027-07-09' });
    const staying = batchPlanned({ venueCode, startDate: '2027-07-12', endDate: '2027-07-16' });
    const held = await reserve(moving);
    const other = await reserve(staying);

    await harness.publish(rescheduled(moving, '2027-07-12', '2027-07-16'));
    const [withdrawn] = await withdrawnFor(moving.batchId);
    expect(withdrawn.subject).toBe(moving.batchId);
    expect(withdrawn.data).toEqual({
      batchId: moving.batchId,
      reservationId: held.reservationId,
      venueCode,
      roomCode: 'R1',
      reason: 'cannot move to 2027-07-12..2027-07-16: no room free (all 1 room(s) with at least 16 seats are reserved or unavailable on some day from 2027-07-12 to 2027-07-16)',
    });

    await harness.publish(rescheduled(staying, '2027-07-19', '2027-07-23'));
    const [closed] = await withdrawnFor(staying.batchId);
    expect(closed.data).toMatchObject({ reservationId: other.reservationId, reason: 'cannot move to 2027-07-19..2027-07-23: the venue is closed on 2027-07-21' });

    const rows = await harness.request<Page<ReservationView>>('GET', `/reservations?venueCode=${venueCode}`);
    expect(rows.body.items.map((row) => [row.startDate, row.status, row.endedReason])).toEqual([
      ['2027-07-05', 'withdrawn', withdrawn.data.reason],
      ['2027-07-12', 'withdrawn', closed.data.reason],
    ]);
  });

  it('does nothing for a batch without an active reservation (unknown or already released)', async () => {
    const venueCode = await harness.registerVenue();
    const released = batchPlanned({ venueCode, startDate: '2027-08-02', endDate: '2027-08-06' });
    await reserve(released);
    await harness.publish(
      batchCancelledEvent.with(released.batchId, {
        batchId: released.batchId,
        programmeId: released.programmeId,
        reason: 'admin',
        detail: 'dibatalkan',
      }),
    );
    await harness.waitForEvents<VenueReservationEnded>('VenueReservationReleased', (data) => data.batchId === released.batchId);
    const unknown = batchPlanned({ venueCode, startDate: '2027-08-09', endDate: '2027-08-13' });
    await harness.publish(rescheduled(unknown, '2027-08-16', '2027-08-20'), rescheduled(released, '2027-08-09', '2027-08-13'));

    // Markers: a BatchPlanned on the same key is handled after the reschedule, and its answer is relayed after
    // anything the reschedule published (same key, same partition, outbox order): once it arrives, nothing else can.
    const again = { ...released, startDate: '2027-08-16', endDate: '2027-08-20' };
    await harness.publish(planned(unknown), planned(again));
    await reservedOn(unknown.batchId, '2027-08-09');
    await reservedOn(released.batchId, '2027-08-16');

    const answersTo = (batchId: string) =>
      ['VenueReserved', 'VenueReservationRejected', 'VenueReservationReleased', 'VenueReservationWithdrawn']
        .flatMap((type) => harness.eventsOfType<VenueReserved>(type))
        .filter((event) => event.data.batchId === batchId)
        .map((event) => [event.type, event.data.startDate]);
    expect(answersTo(unknown.batchId)).toEqual([['VenueReserved', '2027-08-09']]);
    expect(answersTo(released.batchId)).toEqual([
      ['VenueReserved', '2027-08-02'],
      ['VenueReserved', '2027-08-16'],
      ['VenueReservationReleased', undefined],
    ]);
    const rows = await harness.request<Page<ReservationView>>('GET', `/reservations?batchId=${released.batchId}`);
    expect(rows.body.items.map((row) => [row.startDate, row.status]).sort()).toEqual([
      ['2027-08-02', 'released'],
      ['2027-08-16', 'active'],
    ]);
  });
});
