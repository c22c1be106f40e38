import { randomUUID } from 'node:crypto';
import { addDays, daysIn, BatchConfirmed, BatchListItemView, BatchPlanned, BatchPlanningFailed, BatchSummaryView, BatchView, BulkPlanView, instructorWithdrawnEvent, Principal, Problem, venueReservationRejectedEvent, venueReservationWithdrawnEvent, Page } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { BatchesHarness, instructorAssigned, instructors, today, venue, venueReserved } from './batches-harness';

type Refused = Problem;

const ruleOf = (refused: Pick<Refused, 'errors'>): string | undefined => refused.errors?.[0]?.rule;

/** The batch saga against real Kafka and PostgreSQL: venue-capacity's and instructor-module's replies are published by the test. */
describe('program: batches and their saga (real Kafka, real PostgreSQL)', () => {
  let harness: BatchesHarness;
  let programmeId: string;
  const bandung = venue('BBPVP-BDG', '32', [20, 20, 12], [addDays(today(), 20)]);
  const start = addDays(today(), 7);

  const plan = async (body: { venueCode: string; startDate: string }, programme = programmeId) => {
    const response = await harness.request<BatchView & Pick<Refused, 'errors'>>('POST', `/programmes/${programme}/batches`, body);
    return response;
  };
  const planOk = async (startDate = start) => {
    const response = await plan({ venueCode: bandung.venueCode, startDate });
    expect(response.status).toBe(201);
    await harness.waitForEvent(response.body.id, 'BatchPlanned');
    return response.body.id;
  };
  const getBatch = async (batchId: string) => (await harness.request<BatchView>('GET', `/batches/${batchId}`)).body;
  const confirm = async (batchId: string, instructorId = randomUUID()) => {
    await harness.publish(venueReserved(batchId, bandung.venueCode), instructorAssigned(batchId, instructorId));
    await harness.waitForEvent(batchId, 'BatchConfirmed');
  };

  beforeAll(async () => {
    harness = await BatchesHarness.start({ BATCH_REPLY_TIMEOUT_MS: '600000' });
    await harness.registerVenues([bandung]);
    programmeId = await harness.insertProgramme();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it('plans one class and publishes BatchPlanned with the programme class rules', async () => {
    const before = Date.now();
    const response = await plan({ venueCode: 'BBPVP-BDG', startDate: start });
    expect(response.status).toBe(201);
    const planned = await harness.waitForEvent<BatchPlanned>(response.body.id, 'BatchPlanned');
    expect(planned.data).toEqual({
      batchId: response.body.id,
      programmeId,
      moduleCode: 'KWU-01',
      provinceCode: '32',
      venueCode: 'BBPVP-BDG',
      startDate: start,
      endDate: addDays(start, 4),
      classDates: daysIn({ from: start, to: addDays(start, 4) }),
      seats: 16,
      reserves: 2,
      minimumQuorum: 10,
      confirmBy: addDays(start, -7),
      replyBy: expect.any(String),
    });
    expect(Date.parse(planned.data.replyBy) - before).toBeGreaterThanOrEqual(600_000 - 1_000);
    expect((await getBatch(response.body.id)).status).toBe('planned');
  });

  it('refuses a class naming the rule: unknown venue, outside the period, a closed day', async () => {
    const refusals = await Promise.all([
      plan({ venueCode: 'NOWHERE', startDate: start }),
      plan({ venueCode: 'BBPVP-BDG', startDate: addDays(today(), 58) }),
      plan({ venueCode: 'BBPVP-BDG', startDate: addDays(today(), 18) }),
      plan({ venueCode: 'BBPVP-BDG', startDate: addDays(today(), -1) }),
    ]);
    expect(refusals.map((response) => [response.status, ruleOf(response.body)])).toEqual([
      [409, 'venue-unknown'],
      [409, 'outside-programme-period'],
      [409, 'venue-closed'],
      [409, 'start-in-past'],
    ]);
    const badInput = await plan({ venueCode: 'BBPVP-BDG', startDate: '7 May' });
    expect(badInput.status).toBe(400);
    expect((await plan({ venueCode: 'BBPVP-BDG', startDate: start }, randomUUID())).status).toBe(404);
  });

  it.each([
    ['venue first, then instructor', ['venue', 'instructor']],
    ['instructor first, then venue', ['instructor', 'venue']],
  ])('confirms a class when both answer positively (%s)', async (_, order) => {
    const batchId = await planOk();
    const instructorId = randomUUID();
    const replies = { venue: venueReserved(batchId, 'BBPVP-BDG', 'R-2'), instructor: instructorAssigned(batchId, instructorId) };
    await harness.publish(replies[order[0] as 'venue' | 'instructor']);
    await harness.waitForHistory(batchId, 2);
    expect((await getBatch(batchId)).status).toBe('planned');
    await harness.publish(replies[order[1] as 'venue' | 'instructor']);

    const confirmed = await harness.waitForEvent<BatchConfirmed>(batchId, 'BatchConfirmed');
    expect(confirmed.data).toMatchObject({ batchId, roomCode: 'R-2', instructorId, venueCode: 'BBPVP-BDG', startDate: start, seats: 16 });
    expect(await getBatch(batchId)).toMatchObject({ status: 'confirmed', roomCode: 'R-2', instructorId });
  });

  it('fails a class the venue rejects, naming the reason; duplicate and late replies change nothing', async () => {
    const batchId = await planOk();
    const [rejection] = await harness.publish(
      venueReservationRejectedEvent.with(batchId, {
        batchId,
        venueCode: 'BBPVP-BDG',
        rule: 'no-room-free',
        reason: 'every room is taken on those days',
      }),
    );
    const failed = await harness.waitForEvent<BatchPlanningFailed>(batchId, 'BatchPlanningFailed');
    expect(failed.data).toEqual({ batchId, programmeId, failedStep: 'venue', reason: 'no-room-free: every room is taken on those days' });

    await harness.republish([rejection]);
    await harness.publish(instructorAssigned(batchId), venueReserved(batchId, 'BBPVP-BDG'));
    await harness.waitForHistory(batchId, 4);

    const batch = await getBatch(batchId);
    expect(batch).toMatchObject({ status: 'failed', failedStep: 'venue', instructorId: null, roomCode: null });
    const history = batch.history.map((line) => [line.trigger, line.applied]);
    expect(history.slice(0, 2)).toEqual([
      ['plan', true],
      ['VenueReservationRejected', true],
    ]);
    // The two late replies come on different topics, so in either order.
    expect(history.slice(2).sort()).toEqual([
      ['InstructorAssigned', false],
      ['VenueReserved', false],
    ]);
    expect(harness.eventsFor(batchId).map((envelope) => envelope.type)).toEqual(['BatchPlanned', 'BatchPlanningFailed']);
  });

  it('decides once when both answers arrive at the same moment', async () => {
    const batchIds = await Promise.all([planOk(), planOk(), planOk()]);
    await harness.publish(...batchIds.flatMap((batchId) => [venueReserved(batchId, 'BBPVP-BDG'), instructorAssigned(batchId)]));
    for (const batchId of batchIds) await harness.waitForEvent(batchId, 'BatchConfirmed');
    await harness.waitForHistory(batchIds[2], 3);
    for (const batchId of batchIds) expect(harness.eventsFor(batchId, 'BatchConfirmed')).toHaveLength(1);
  });

  it('never lets concurrent plan requests overshoot the participant ceiling', async () => {
    const small = await harness.insertProgramme({ participantCeiling: 80 });
    const responses = await Promise.all(Array.from({ length: 12 }, () => plan({ venueCode: 'BBPVP-BDG', startDate: start }, small)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(7).fill(409)]);
    expect(responses.filter((response) => response.status === 409).every((response) => ruleOf(response.body) === 'participant-ceiling')).toBe(true);

    const summary = await harness.request<BatchSummaryView>(
      'GET',
      `/programmes/${small}/batch-summary`,
    );
    expect(summary.body).toMatchObject({ liveSeats: 80, participantCeiling: 80, counts: { planned: 5, confirmed: 0 } });
    const listed = await harness.request<Page<BatchListItemView>>('GET', `/programmes/${small}/batches?status=planned`);
    expect(listed.body.items).toHaveLength(5);
    expect((await harness.request('GET', `/programmes/${small}/batches?status=nonsense`)).status).toBe(400);
  });

  it('bulk-plans 320 classes in one request, with no venue-day over its capacity', async () => {
    const provinces = ['11', '12', '13', '14'];
    const venues = provinces.flatMap((provinceCode) =>
      [0, 1, 2, 3].map((index) => venue(`BLK-${provinceCode}-${index}`, provinceCode, [24, 20, 18, 16, 10], [addDays(today(), 10 + index)])),
    );
    await harness.registerVenues(venues);
    await harness.registerInstructors(provinces.flatMap((provinceCode) => instructors(20, provinceCode)));
    const bulkProgramme = await harness.insertProgramme({ participantCeiling: 10_000 });

    const response = await harness.request<BulkPlanView>(
      'POST',
      `/programmes/${bulkProgramme}/batches/bulk`,
      { count: 320, from: addDays(today(), 1), to: addDays(today(), 50), provinceCodes: provinces },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ planned: 320, unplaced: 0, reasons: [] });
    expect(new Set(response.body.batchIds).size).toBe(320);

    const ids = new Set(response.body.batchIds);
    await waitFor('320 BatchPlanned', () => harness.allEventsOf('BatchPlanned').filter((envelope) => ids.has(envelope.subject)).length === 320);

    const overbooked = await harness.dataSource.query(`
      SELECT b.venue_code, day::date, COUNT(*) AS classes, MIN(v.usable) AS rooms
        FROM batches b
        JOIN LATERAL generate_series(b.start_date, b.end_date, interval '1 day') AS day ON true
        JOIN (SELECT venue_code, (SELECT COUNT(*) FROM jsonb_array_elements(rooms) r WHERE (r->>'seats')::int >= 16) AS usable FROM directory_venues) v
          ON v.venue_code = b.venue_code
       WHERE b.status IN ('planned', 'confirmed', 'running') AND b.venue_code LIKE 'BLK-%'
       GROUP BY b.venue_code, day HAVING COUNT(*) > MIN(v.usable)`);
    expect(overbooked).toEqual([]);
    const onClosedDays = await harness.dataSource.query(`
      SELECT b.id FROM batches b JOIN directory_venues v ON v.venue_code = b.venue_code
       WHERE b.programme_id = $1 AND EXISTS (SELECT 1 FROM unnest(v.closed_days) d WHERE d::date BETWEEN b.start_date AND b.end_date)`, [bulkProgramme]);
    expect(onClosedDays).toEqual([]);
    const perProvince = await harness.dataSource.query(
      'SELECT province_code, COUNT(*)::int AS classes FROM batches WHERE programme_id = $1 GROUP BY province_code ORDER BY province_code',
      [bulkProgramme],
    );
    expect(perProvince).toEqual(provinces.map((provinceCode) => ({ province_code: provinceCode, classes: 80 })));
  });

  it('cancels a class on an admin request, and refuses to cancel it twice', async () => {
    const batchId = await planOk();
    await confirm(batchId);
    const cancelled = await harness.request<BatchView>('POST', `/batches/${batchId}/cancel`, { detail: 'the regency asked to merge classes' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const event = await harness.waitForEvent(batchId, 'BatchCancelled');
    expect(event.data).toEqual({ batchId, programmeId, reason: 'admin', detail: 'the regency asked to merge classes' });

    const again = await harness.request<Refused>('POST', `/batches/${batchId}/cancel`, { detail: 'again' });
    expect([again.status, ruleOf(again.body)]).toEqual([409, 'batch-status']);
  });

  it('cancels a confirmed class whose venue withdraws its reservation', async () => {
    const batchId = await planOk();
    const reserved = venueReserved(batchId, 'BBPVP-BDG');
    await harness.publish(reserved, instructorAssigned(batchId));
    await harness.waitForEvent(batchId, 'BatchConfirmed');
    await harness.publish(
      venueReservationWithdrawnEvent.with(batchId, {
        batchId,
        reservationId: reserved.data.reservationId,
        venueCode: 'BBPVP-BDG',
        roomCode: 'R-1',
        reason: 'roof repair',
      }),
    );
    const event = await harness.waitForEvent(batchId, 'BatchCancelled');
    expect(event.data).toEqual({ batchId, programmeId, reason: 'venue-withdrawn', detail: 'roof repair' });
  });

  it('keeps a class confirmed when its instructor is replaced, and cancels it when nobody can take over', async () => {
    const [kept, lost] = await Promise.all([planOk(), planOk()]);
    const first = randomUUID();
    for (const batchId of [kept, lost]) await confirm(batchId, first);
    const assignmentOf = async (batchId: string) =>
      (await harness.dataSource.query('SELECT assignment_id FROM batches WHERE id = $1', [batchId]))[0].assignment_id as string;

    const replacement = randomUUID();
    await harness.publish(
      instructorWithdrawnEvent.with(kept, {
        batchId: kept,
        assignmentId: await assignmentOf(kept),
        instructorId: first,
        reason: 'ill',
        reassigned: true,
      }),
      instructorAssigned(kept, replacement, first),
      instructorWithdrawnEvent.with(lost, {
        batchId: lost,
        assignmentId: await assignmentOf(lost),
        instructorId: first,
        reason: 'ill',
        reassigned: false,
      }),
    );
    expect((await harness.waitForEvent(lost, 'BatchCancelled')).data).toMatchObject({ reason: 'instructor-withdrawn', detail: 'ill' });
    await harness.waitForHistory(kept, 5);
    expect(await getBatch(kept)).toMatchObject({ status: 'confirmed', instructorId: replacement });
  });

  it('reschedules a confirmed class', async () => {
    const batchId = await planOk();
    await confirm(batchId);
    const newStart = addDays(today(), 30);
    const response = await harness.request<BatchView>('POST', `/batches/${batchId}/reschedule`, { startDate: newStart, reason: 'public holiday' });
    expect(response.status).toBe(200);
    const event = await harness.waitForEvent(batchId, 'BatchRescheduled');
    expect(event.data).toEqual({
      batchId,
      programmeId,
      previousStartDate: start,
      previousEndDate: addDays(start, 4),
      startDate: newStart,
      endDate: addDays(newStart, 4),
      classDates: daysIn({ from: newStart, to: addDays(newStart, 4) }),
      reason: 'public holiday',
    });
    const closedDay = await harness.request<Refused>('POST', `/batches/${batchId}/reschedule`, { startDate: addDays(today(), 17) });
    expect([closedDay.status, ruleOf(closedDay.body)]).toEqual([409, 'venue-closed']);
  });

  it('starts a confirmed class on its start date, completes it after its end date, and closes it on request', async () => {
    const batchId = await planOk(today());
    await confirm(batchId);
    expect((await harness.waitForEvent(batchId, 'BatchStarted')).data).toEqual({ batchId, programmeId, on: today() });
    expect(ruleOf((await harness.request<Refused>('POST', `/batches/${batchId}/close`)).body)).toBe('batch-status');

    // The calendar moves on: the class's last day is now behind us.
    const heldOn = daysIn({ from: addDays(today(), -5), to: addDays(today(), -1) });
    await harness.dataSource.query('UPDATE batches SET start_date = $2, end_date = $3, class_dates = $4 WHERE id = $1', [batchId, heldOn[0], heldOn[4], heldOn]);
    expect((await harness.waitForEvent(batchId, 'BatchCompleted')).data).toEqual({ batchId, programmeId, on: addDays(today(), -1) });
    const closed = await harness.request<BatchView>('POST', `/batches/${batchId}/close`);
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
    await harness.waitForEvent(batchId, 'BatchClosed');
  });

  it('carries a saga on across a restart: state from the database, replies from Kafka', async () => {
    const batchId = await planOk();
    await harness.publish(venueReserved(batchId, 'BBPVP-BDG', 'R-3'));
    await harness.waitForHistory(batchId, 2);

    await harness.restart();

    const instructorId = randomUUID();
    await harness.publish(instructorAssigned(batchId, instructorId));
    const confirmed = await harness.waitForEvent<BatchConfirmed>(batchId, 'BatchConfirmed');
    expect(confirmed.data).toMatchObject({ roomCode: 'R-3', instructorId });
    expect(harness.eventsFor(batchId).map((envelope) => envelope.type)).toEqual(['BatchPlanned', 'BatchConfirmed']);
  });

  describe('pages and reach of batches', () => {
    const medan = venue('BBPVP-MDN', '12', [20]);
    const operatorOfBandung: Principal = { subject: 'operator-bandung', roles: ['venue-operator'], venueCodes: [bandung.venueCode] };
    let paged: string;
    let atBandung: string[];
    let atMedan: string;

    beforeAll(async () => {
      await harness.registerVenues([medan]);
      paged = await harness.insertProgramme();
      atBandung = [];
      for (const days of [30, 37, 44]) {
        const response = await plan({ venueCode: bandung.venueCode, startDate: addDays(today(), days) }, paged);
        expect(response.status).toBe(201);
        atBandung.push(response.body.id);
      }
      const response = await plan({ venueCode: medan.venueCode, startDate: addDays(today(), 30) }, paged);
      expect(response.status).toBe(201);
      atMedan = response.body.id;
    });

    it('walks every page with limit 2 without duplicates or gaps, and answers 400 naming cursor for a bad one', async () => {
      const seen: BatchListItemView[] = [];
      let cursor: string | undefined;
      do {
        const page = await harness.request<Page<BatchListItemView>>('GET', `/programmes/${paged}/batches?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items);
        cursor = page.body.next;
      } while (cursor);
      expect(seen.map((batch) => batch.id).sort()).toEqual([...atBandung, atMedan].sort());
      expect(seen.map((batch) => batch.startDate)).toEqual(seen.map((batch) => batch.startDate).sort());
      const bad = await harness.request<Problem>('GET', `/programmes/${paged}/batches?cursor=not-a-cursor`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    it("shows a venue operator only their venue's classes and forbids another venue's class", async () => {
      const listed = await harness.request<Page<BatchListItemView>>('GET', `/programmes/${paged}/batches`, undefined, {}, operatorOfBandung);
      expect(listed.body.items.map((batch) => batch.id).sort()).toEqual([...atBandung].sort());
      expect((await harness.request('GET', `/batches/${atBandung[0]}`, undefined, {}, operatorOfBandung)).status).toBe(200);
      const other = await harness.request<Problem>('GET', `/batches/${atMedan}`, undefined, {}, operatorOfBandung);
      expect(other.status).toBe(403);
      expect(other.body.errors).toEqual([expect.objectContaining({ field: 'batchId', rule: 'own-records' })]);
      expect((await harness.request('POST', `/batches/${atMedan}/close`, undefined, {}, operatorOfBandung)).status).toBe(403);
    });

    it('shows an instructor only the classes they teach', async () => {
      const instructorId = randomUUID();
      await harness.publish(venueReserved(atBandung[1], bandung.venueCode), instructorAssigned(atBandung[1], instructorId));
      await harness.waitForEvent(atBandung[1], 'BatchConfirmed');
      const teacher: Principal = { subject: 'instructor', roles: ['instructor'], venueCodes: [], instructorId };
      const listed = await harness.request<Page<BatchListItemView>>('GET', `/programmes/${paged}/batches`, undefined, {}, teacher);
      expect(listed.body.items.map((batch) => batch.id)).toEqual([atBandung[1]]);
      expect((await harness.request('GET', `/batches/${atBandung[1]}`, undefined, {}, teacher)).status).toBe(200);
      expect((await harness.request('GET', `/batches/${atBandung[0]}`, undefined, {}, teacher)).status).toBe(403);
    });
  });
});
