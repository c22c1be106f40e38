import { batchCancelledEvent, batchPlanningFailedEvent, Problem, ReservationView, UnavailabilityRecordedView, UtilisationView, VenueReservationEnded, VenueReservationRejected, VenueReserved, Page } from '@sinergi/contracts';
import { Reservation } from '../src/reservations/reservation.entity';
import { ReservationsService } from '../src/reservations/reservations.service';
import type { Principal } from '@sinergi/contracts';
import { batchPlanned, planned, venueBody, VenueCapacityHarness } from './support';

/** Room-days held by more than one active reservation: must always be none. */
const DOUBLE_BOOKED_ROOM_DAYS = `
  SELECT venue_code, room_code, day::date::text AS day, count(*)::int AS classes
  FROM reservations, generate_series(start_date, end_date, interval '1 day') AS day
  WHERE status = 'active'
  GROUP BY venue_code, room_code, day HAVING count(*) > 1`;

describe('venue-capacity reservations for the batch saga (real Kafka, real PostgreSQL)', () => {
  let harness: VenueCapacityHarness;

  beforeAll(async () => {
    harness = await VenueCapacityHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  const reservedFor = (batchId: string) => harness.waitForEvents<VenueReserved>('VenueReserved', (data) => data.batchId === batchId);
  const rejectedFor = (batchId: string) => harness.waitForEvents<VenueReservationRejected>('VenueReservationRejected', (data) => data.batchId === batchId);

  it('reserves the smallest room that seats the class, and re-announces it when the batch is planned again', async () => {
    const venueCode = await harness.registerVenue({
      rooms: [
        { roomCode: 'AULA', name: 'Aula', seats: 60 },
        { roomCode: 'K2', name: 'Kelas 2', seats: 20 },
        { roomCode: 'K1', name: 'Kelas 1', seats: 20 },
        { roomCode: 'K0', name: 'Kecil', seats: 10 },
      ],
    });
    const batch = batchPlanned({ venueCode, seats: 18 });
    await harness.publish(planned(batch));
    const [reserved] = await reservedFor(batch.batchId);
    expect(reserved.subject).toBe(batch.batchId);
    expect(reserved.data).toEqual({
      batchId: batch.batchId,
      reservationId: expect.any(String),
      venueCode,
      roomCode: 'K1',
      startDate: '2025-05-05',
      endDate: '2025-05-09',
      seats: 18,
    });

    await harness.publish(planned(batch));
    const announced = await harness.waitForEvents<VenueReserved>('VenueReserved', (data) => data.batchId === batch.batchId, 2);
    expect(announced[1].data).toEqual(reserved.data);
    const rows = await harness.request<Page<ReservationView>>('GET', `/reservations?batchId=${batch.batchId}`);
    expect(rows.body.items).toEqual([expect.objectContaining({ id: reserved.data.reservationId, roomCode: 'K1', status: 'active' })]);
  });

  it('rejects with the rule: unknown venue, no room large enough, closed day, no room free', async () => {
    const venueCode = await harness.registerVenue({ rooms: [{ roomCode: 'R1', name: 'Kelas', seats: 20 }], closedDays: ['2025-05-15'] });
    const first = batchPlanned({ venueCode, startDate: '2025-05-05', endDate: '2025-05-09' });
    await harness.publish(planned(first));
    await reservedFor(first.batchId);

    const unknown = batchPlanned({ venueCode: 'NO-SUCH-VENUE' });
    const tooLarge = batchPlanned({ venueCode, seats: 21 });
    const onClosedDay = batchPlanned({ venueCode, startDate: '2025-05-14', endDate: '2025-05-16' });
    const clash = batchPlanned({ venueCode, startDate: '2025-05-09', endDate: '2025-05-10' });
    await harness.publish(...[unknown, tooLarge, onClosedDay, clash].map(planned));

    expect((await rejectedFor(unknown.batchId))[0].data).toMatchObject({ rule: 'venue-unknown', venueCode: 'NO-SUCH-VENUE' });
    expect((await rejectedFor(tooLarge.batchId))[0].data).toMatchObject({ rule: 'no-room-large-enough', reason: 'the largest room seats 20; the class needs 21' });
    expect((await rejectedFor(onClosedDay.batchId))[0].data).toMatchObject({ rule: 'closed-day', reason: 'the venue is closed on 2025-05-15' });
    expect((await rejectedFor(clash.batchId))[0].data).toMatchObject({ rule: 'no-room-free' });
  });

  it('gives a single room to exactly one of 20 classes planned at once for the same days', async () => {
    const venueCode = await harness.registerVenue({ rooms: [{ roomCode: 'ONLY', name: 'Satu-satunya', seats: 20 }] });
    const batches = Array.from({ length: 20 }, () => batchPlanned({ venueCode, startDate: '2025-05-19', endDate: '2025-05-23' }));
    await harness.publish(...batches.map(planned));

    const answers = await harness.waitForAnswers(batches.map((batch) => batch.batchId));
    expect(answers.filter((answer) => answer.type === 'VenueReserved')).toHaveLength(1);
    expect(answers.filter((answer) => answer.type === 'VenueReservationRejected').map((answer) => (answer.data as VenueReservationRejected).rule)).toEqual(
      Array(19).fill('no-room-free'),
    );
    expect(await harness.query('SELECT id FROM reservations WHERE venue_code = $1 AND status = $2', [venueCode, 'active'])).toHaveLength(1);
    expect(await harness.query(DOUBLE_BOOKED_ROOM_DAYS)).toEqual([]);
  });

  it('settles 20 reservations racing in parallel transactions without a deadlock, moving the losers to the next room (40 rounds)', async () => {
    const service = harness.service.app.get(ReservationsService);
    const batchIds: string[] = [];
    for (let round = 0; round < 40; round++) {
      const venueCode = await harness.registerVenue({
        rooms: [
          { roomCode: 'A', name: 'Kelas A', seats: 20 },
          { roomCode: 'B', name: 'Kelas B', seats: 20 },
        ],
      });
      const batches = Array.from({ length: 20 }, (_, index) => batchPlanned({ venueCode, startDate: `2025-06-0${1 + (index % 3)}`, endDate: '2025-06-05' }));

      const results = await Promise.all(batches.map((batch) => harness.dataSource.transaction((manager) => service.reserve(manager, batch))));

      const held = results.filter((reservation): reservation is Reservation => reservation !== null);
      expect(held.map((reservation) => reservation.roomCode).sort()).toEqual(['A', 'B']);
      batchIds.push(...batches.map((batch) => batch.batchId));
    }
    expect(await harness.query(DOUBLE_BOOKED_ROOM_DAYS)).toEqual([]);
    await harness.waitForAnswers(batchIds);
  });

  it('releases the room when planning fails or the class is cancelled, and the room is reused at once', async () => {
    const venueCode = await harness.registerVenue({ rooms: [{ roomCode: 'R1', name: 'Kelas', seats: 20 }] });
    const failing = batchPlanned({ venueCode });
    await harness.publish(planned(failing));
    const [reserved] = await reservedFor(failing.batchId);

    await harness.publish(
      batchPlanningFailedEvent.with(failing.batchId, {
        batchId: failing.batchId,
        programmeId: failing.programmeId,
        failedStep: 'instructor',
        reason: 'no qualified instructor free',
      }),
    );
    const [released] = await harness.waitForEvents<VenueReservationEnded>(
      'VenueReservationReleased',
      (data) => data.batchId === failing.batchId,
    );
    expect(released.data).toEqual({
      batchId: failing.batchId,
      reservationId: reserved.data.reservationId,
      venueCode,
      roomCode: 'R1',
      reason: 'class planning failed (instructor): no qualified instructor free',
    });

    const next = batchPlanned({ venueCode });
    await harness.publish(planned(next));
    expect((await reservedFor(next.batchId))[0].data.roomCode).toBe('R1');

    await harness.publish(
      batchCancelledEvent.with(next.batchId, {
        batchId: next.batchId,
        programmeId: next.programmeId,
        reason: 'under-quorum',
        detail: 'only 9 confirmed',
      }),
    );
    await harness.waitForEvents<VenueReservationEnded>('VenueReservationReleased', (data) => data.batchId === next.batchId);
    expect((await harness.request<Page<ReservationView>>('GET', `/reservations?venueCode=${venueCode}`)).body.items.map((row) => row.status)).toEqual(['released', 'released']);
  });

  it('withdraws the reservations of a room that becomes unavailable, and only those', async () => {
    const venueCode = await harness.registerVenue();
    const inPeriod = batchPlanned({ venueCode, startDate: '2025-05-05', endDate: '2025-05-09' });
    const after = batchPlanned({ venueCode, startDate: '2025-05-19', endDate: '2025-05-23' });
    await harness.publish(planned(inPeriod), planned(after));
    await reservedFor(inPeriod.batchId);
    await reservedFor(after.batchId);

    const response = await harness.request<UnavailabilityRecordedView>('POST', `/venues/${venueCode}/rooms/R1/unavailability`, {
      from: '2025-05-08',
      to: '2025-05-16',
      reason: 'renovasi atap',
    });
    expect(response.status).toBe(201);
    expect(response.body.withdrawnReservationIds).toHaveLength(1);

    await harness.waitForEvents('RoomUnavailable', (data: { venueCode: string }) => data.venueCode === venueCode);
    const [withdrawn] = await harness.waitForEvents<VenueReservationEnded>('VenueReservationWithdrawn', (data) => data.venueCode === venueCode);
    expect(withdrawn.subject).toBe(inPeriod.batchId);
    expect(withdrawn.data.reason).toBe(`room R1 of ${venueCode} is unavailable from 2025-05-08 to 2025-05-16: renovasi atap`);
    expect(harness.eventsOfType<VenueReservationEnded>('VenueReservationWithdrawn').filter((event) => event.data.batchId === after.batchId)).toEqual([]);

    expect((await harness.request('POST', `/venues/${venueCode}/rooms/NOPE/unavailability`, { from: '2025-05-08', to: '2025-05-09', reason: 'x' })).status).toBe(404);
    const backwards = await harness.request<Problem>('POST', `/venues/${venueCode}/rooms/R1/unavailability`, { from: '2025-05-09', to: '2025-05-08', reason: 'x' });
    expect(backwards).toEqual({ status: 400, body: expect.objectContaining({ errors: [{ field: 'to', rule: 'not-before-from', message: 'to must not be before from' }] }) });
  });

  it('withdraws a reservation whose room a venue update removes', async () => {
    const body = venueBody();
    expect((await harness.request('POST', '/venues', body)).status).toBe(201);
    const batch = batchPlanned({ venueCode: body.venueCode });
    await harness.publish(planned(batch));
    expect((await reservedFor(batch.batchId))[0].data.roomCode).toBe('R1');

    const { venueCode, ...details } = body;
    expect((await harness.request('PUT', `/venues/${venueCode}`, { ...details, rooms: [{ roomCode: 'R2', name: 'Kelas 2', seats: 30 }] })).status).toBe(200);
    const [withdrawn] = await harness.waitForEvents<VenueReservationEnded>('VenueReservationWithdrawn', (data) => data.batchId === batch.batchId);
    expect(withdrawn.data.reason).toBe(`${venueCode}: room R1 was removed from the venue`);
  });

  it('reports reserved against available room-days per venue, province and day', async () => {
    const venueCode = await harness.registerVenue({ provinceCode: '94', closedDays: ['2025-07-03'] });
    const batch = batchPlanned({ venueCode, startDate: '2025-07-01', endDate: '2025-07-02' });
    await harness.publish(planned(batch));
    await reservedFor(batch.batchId);
    expect((await harness.request('POST', `/venues/${venueCode}/rooms/R2/unavailability`, { from: '2025-07-04', to: '2025-07-10', reason: 'cat ulang' })).status).toBe(201);

    const { status, body } = await harness.request<UtilisationView>('GET', `/utilisation?from=2025-07-01&to=2025-07-05&venueCode=${venueCode}`);
    expect(status).toBe(200);
    // 2 rooms x 4 open days, minus R2 on 4 and 5 July; R1 reserved on 1 and 2 July
    expect(body.total).toEqual({ reservedRoomDays: 2, availableRoomDays: 6, ratio: 0.3333 });
    expect(body.venues).toEqual([{ venueCode, provinceCode: '94', reservedRoomDays: 2, availableRoomDays: 6, ratio: 0.3333 }]);
    expect(body.days.map((day) => [day.date, day.reservedRoomDays, day.availableRoomDays, day.ratio])).toEqual([
      ['2025-07-01', 1, 2, 0.5],
      ['2025-07-02', 1, 2, 0.5],
      ['2025-07-03', 0, 0, null],
      ['2025-07-04', 0, 1, 0],
      ['2025-07-05', 0, 1, 0],
    ]);
    const byProvince = await harness.request<UtilisationView>('GET', '/utilisation?from=2025-07-01&to=2025-07-05&provinceCode=94');
    expect(byProvince.body.provinces).toEqual([{ provinceCode: '94', reservedRoomDays: 2, availableRoomDays: 6, ratio: 0.3333 }]);

    const bad = await harness.request<Problem>('GET', '/utilisation?from=2025-07-05&to=july');
    expect(bad).toEqual({ status: 400, body: expect.objectContaining({ errors: [{ field: 'to', rule: 'isCivilDate', message: 'to must be a date as YYYY-MM-DD' }] }) });
    const nowhere = await harness.request<UtilisationView>('GET', '/utilisation?from=2025-07-01&to=2025-07-05&provinceCode=95');
    expect(nowhere.body).toMatchObject({ total: { reservedRoomDays: 0, availableRoomDays: 0, ratio: null }, venues: [], provinces: [] });
  });

  describe('pages and reach', () => {
    const bandung = `BBPVP-BANDUNG-${Date.now()}`;
    const medan = `BBPVP-MEDAN-${Date.now()}`;
    const bandungOperator: Principal = { subject: 'operator-bandung', roles: ['venue-operator'], venueCodes: [bandung] };
    let bandungReservations: string[];
    let medanBatch: string;

    beforeAll(async () => {
      await harness.registerVenue({ venueCode: bandung, provinceCode: '32', rooms: [{ roomCode: 'R1', name: 'Kelas 1', seats: 30 }] });
      await harness.registerVenue({ venueCode: medan, provinceCode: '12', rooms: [{ roomCode: 'R1', name: 'Kelas 1', seats: 30 }] });
      const weeks = ['2028-01-03', '2028-01-10', '2028-01-17', '2028-01-24', '2028-01-31'];
      const atBandung = weeks.map((startDate) => batchPlanned({ venueCode: bandung, provinceCode: '32', startDate, endDate: startDate, seats: 10 }));
      const atMedan = batchPlanned({ venueCode: medan, provinceCode: '12', startDate: '2028-01-03', endDate: '2028-01-03', seats: 10 });
      for (const batch of [...atBandung, atMedan]) await harness.publish(planned(batch));
      const answers = await harness.waitForAnswers([...atBandung, atMedan].map((batch) => batch.batchId));
      bandungReservations = answers.filter((answer) => answer.type === 'VenueReserved' && (answer.data as VenueReserved).venueCode === bandung).map((answer) => (answer.data as VenueReserved).reservationId);
      expect(bandungReservations).toHaveLength(5);
      medanBatch = atMedan.batchId;
    });

    it('walks every page of a list with limit 2, without duplicates or gaps', async () => {
      const seen: ReservationView[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await harness.request<Page<ReservationView>>('GET', `/reservations?venueCode=${bandung}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items);
        cursor = page.body.next;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.map((row) => row.id).sort()).toEqual([...bandungReservations].sort());
      expect(seen.map((row) => row.startDate)).toEqual([...seen.map((row) => row.startDate)].sort());
    });

    it('answers 400 naming cursor when the cursor was not made by a previous page', async () => {
      for (const cursor of ['not-a-cursor', 'a b']) {
        const answer = await harness.request<Problem>('GET', `/reservations?venueCode=${bandung}&cursor=${encodeURIComponent(cursor)}`);
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    });

    it("shows a venue operator only their venue's reservations and forbids another venue's", async () => {
      const own = await harness.request<Page<ReservationView>>('GET', `/reservations?venueCode=${bandung}`, undefined, {}, bandungOperator);
      expect(own.body.items.map((row) => row.id).sort()).toEqual([...bandungReservations].sort());
      const other = await harness.request<Problem>('GET', `/reservations?venueCode=${medan}`, undefined, {}, bandungOperator);
      expect(other.status).toBe(403);
      expect(other.body.errors).toEqual([expect.objectContaining({ field: 'venueCode', rule: 'own-records' })]);
      const byBatch = await harness.request<Page<ReservationView>>('GET', `/reservations?batchId=${medanBatch}`, undefined, {}, bandungOperator);
      expect(byBatch).toMatchObject({ status: 200, body: { items: [] } });
      expect((await harness.request<Page<ReservationView>>('GET', `/reservations?batchId=${medanBatch}`)).body.items).toHaveLength(1);
      const utilisation = await harness.request<UtilisationView>('GET', '/utilisation?from=2028-01-03&to=2028-01-07', undefined, {}, bandungOperator);
      expect(utilisation.body.venues.map((venue) => venue.venueCode)).toEqual([bandung]);
      expect((await harness.request('GET', `/utilisation?from=2028-01-03&to=2028-01-07&venueCode=${medan}`, undefined, {}, bandungOperator)).status).toBe(403);
      const closing = await harness.request('POST', `/venues/${medan}/rooms/R1/unavailability`, { from: '2028-02-01', to: '2028-02-02', reason: 'renovasi' }, {}, bandungOperator);
      expect(closing.status).toBe(403);
    });
  });
});
