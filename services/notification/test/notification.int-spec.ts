import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DeliveryView, Page, Principal, RecipientView } from '@sinergi/contracts';
import { Problem } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { DigestTimer } from '../src/digest/digest.timer';
import { reminderTime } from '../src/timing.rules';
import { batchCancelledEvent, batchConfirmedEvent, certificateIssuedEvent, batchFillChangedEvent, batchRescheduledEvent, EnrollmentSubmitted, enrollmentSubmittedEvent, participantSelectedEvent, seatConfirmedEvent, venueReservedEvent } from '@sinergi/contracts';
import { inDays, NotificationHarness, PORTAL, seatDecision } from './support';

const uniqueEmail = () => `siti.${randomUUID().slice(0, 8)}@example.id`;
const uniquePhone = () => `+62812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const submitted = (participantId: string): EnrollmentSubmitted => ({
  enrollmentId: randomUUID(),
  programmeId: randomUUID(),
  participantId,
  maskedNik: '******123456**01',
  channel: 'self-service',
  provinceCode: '32',
});

/** Real broker, database, SMTP server and provider webhook. */
describe('notification: events to messages over real channels', () => {
  let harness: NotificationHarness;

  beforeAll(async () => {
    harness = await NotificationHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('sends one message per event, recipient and template, however often the event is redelivered', async () => {
    const email = uniqueEmail();
    const participantId = await harness.participant({ email });
    const decision = seatDecision(participantId);
    const [selected] = await harness.publish(participantSelectedEvent.with(decision.enrollmentId, { ...decision, confirmBy: inDays(10) }));
    await harness.republish([selected]);
    await harness.republish([selected]);
    // The same key, so handled after both redeliveries.
    const [confirmed] = await harness.publish(seatConfirmedEvent.with(decision.enrollmentId, decision));

    const sent = await harness.settled(selected, 'selected');
    await waitFor('the start reminder', async () => (await harness.deliveriesOf(confirmed.id)).length === 1);
    const [delivered] = await harness.delivered(sent.id);

    expect((await harness.deliveriesOf(selected.id)).map((row) => [row.template, row.status]).sort()).toEqual([
      ['confirm-by-reminder', 'cancelled'],
      ['selected', 'sent'],
    ]);
    expect(harness.sinks.emailsTo(email)).toHaveLength(1);
    expect(harness.sinks.emailsTo(email)[0].text).toContain(`Lihat di portal: ${PORTAL}/enrollments/${decision.enrollmentId}`);
    expect(harness.eventsOfType('NotificationDelivered').filter((event) => (event.data as { deliveryId: string }).deliveryId === sent.id)).toHaveLength(1);
    expect(delivered).toMatchObject({ subject: sent.id, data: { eventId: selected.id, recipientKind: 'participant', recipientId: participantId, template: 'selected', channel: 'email', attempts: 1 } });
    expect(JSON.stringify(delivered)).not.toContain(email);
  });

  it('writes in the language of the card, or of the preference, which wins', async () => {
    const english = uniqueEmail();
    const indonesian = uniqueEmail();
    const switched = uniqueEmail();
    const ids = [await harness.participant({ email: english }, 'en'), await harness.participant({ email: indonesian }, 'id'), await harness.participant({ email: switched }, 'id')];
    expect((await harness.request('PUT', `/recipients/participants/${ids[2]}/preferences`, { language: 'en' })).status).toBe(200);
    await harness.publish(...ids.map((id) => enrollmentSubmittedEvent.with(randomUUID(), submitted(id))));

    const [[toEnglish], [toIndonesian], [toSwitched]] = await Promise.all([english, indonesian, switched].map((address) => harness.sinks.waitForEmails(address)));
    expect(toEnglish.subject).toBe('[Sinergi] Your registration was received');
    expect(toEnglish.text).toContain('We never ask for your OTP or NIK');
    expect(toIndonesian.subject).toBe('[Sinergi] Pendaftaran Anda diterima');
    expect(toIndonesian.text).toContain('Kami tidak pernah meminta kode OTP atau NIK Anda');
    expect(toIndonesian.text).toContain('https://sinergi.kemnaker.go.id');
    expect(toSwitched.subject).toBe('[Sinergi] Your registration was received');
  });

  it('links a certificate message to the enrollment page that downloads it and to the public verification page, in either language', async () => {
    const [indonesian, english] = [uniqueEmail(), uniqueEmail()];
    const people = [await harness.participant({ email: indonesian }, 'id'), await harness.participant({ email: english }, 'en')];
    const issued = people.map((participantId) => {
      const decision = seatDecision(participantId);
      const code = 'ABCDE12345';
      return {
        ...decision,
        certificateNumber: `SNG/2025/${decision.batchId.slice(0, 8).toUpperCase()}/001`,
        verificationCode: code,
        verificationUrl: `${PORTAL}/verify/${code}`,
        issuedAt: new Date().toISOString(),
      };
    });
    await harness.publish(...issued.map((data) => certificateIssuedEvent.with(data.enrollmentId, data)));
    const [[toIndonesian], [toEnglish]] = await Promise.all([indonesian, english].map((address) => harness.sinks.waitForEmails(address)));
    expect(toIndonesian.text).toContain(`dapat diperiksa di ${PORTAL}/verify/ABCDE12345`);
    expect(toIndonesian.text).toContain(`Unduh sertifikat Anda (PDF): ${PORTAL}/enrollments/${issued[0].enrollmentId}`);
    expect(toEnglish.text).toContain(`can be checked at ${PORTAL}/verify/ABCDE12345`);
    expect(toEnglish.text).toContain(`Download your certificate (PDF): ${PORTAL}/enrollments/${issued[1].enrollmentId}`);
  });

  it('retries through a provider outage with backoff, then sends once', async () => {
    const phone = uniquePhone();
    const participantId = await harness.participant({ phone });
    await harness.request('PUT', `/recipients/participants/${participantId}/preferences`, { channels: ['sms'] });
    harness.sinks.failNext(2);
    const [event] = await harness.publish(enrollmentSubmittedEvent.with(randomUUID(), submitted(participantId)));

    const sent = await harness.settled(event, 'enrollment-received');
    expect(sent).toMatchObject({ attempts: 3, channel: 'sms', lastError: null });
    const [message] = await harness.sinks.waitForProviderMessages(phone);
    expect(harness.sinks.providerMessagesTo(phone)).toHaveLength(1);
    expect(message).toMatchObject({ channel: 'sms', language: 'id' });
    expect((await harness.delivered(sent.id))[0].data.attempts).toBe(3);
  });

  it('fails with the reason and publishes NotificationFailed when the retries run out', async () => {
    const phone = uniquePhone();
    const participantId = await harness.participant({ phone });
    await harness.request('PUT', `/recipients/participants/${participantId}/preferences`, { channels: ['whatsapp'] });
    harness.sinks.failNext(3);
    const [event] = await harness.publish(enrollmentSubmittedEvent.with(randomUUID(), submitted(participantId)));

    const failed = await harness.settled(event, 'enrollment-received', 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/^gave up after 3 attempts: whatsapp: .*503/);
    const [published] = await harness.failed(failed.id);
    expect(published.data).toMatchObject({ deliveryId: failed.id, eventId: event.id, template: 'enrollment-received', channel: 'whatsapp', attempts: 3, reason: failed.lastError });
    expect(JSON.stringify(published)).not.toContain(phone);
    expect(harness.sinks.providerMessagesTo(phone)).toHaveLength(0);
    expect((await harness.request<DeliveryView>('GET', `/deliveries/${failed.id}`)).body).toMatchObject({ status: 'failed', lastError: failed.lastError });
  });

  it('respects an opt-out for non-critical messages but not for being selected', async () => {
    const email = uniqueEmail();
    const participantId = await harness.participant({ email });
    await harness.request('PUT', `/recipients/participants/${participantId}/preferences`, { optOut: true });
    const decision = seatDecision(participantId);
    // Another enrollment's receipt: the selection would supersede its own enrollment's held receipt.
    const [accepted, selected] = await harness.publish(
      enrollmentSubmittedEvent.with(randomUUID(), submitted(participantId)),
      participantSelectedEvent.with(decision.enrollmentId, { ...decision, confirmBy: inDays(10) }),
    );

    const skipped = await harness.settled(accepted, 'enrollment-received', 'cancelled');
    await harness.settled(selected, 'selected');
    expect(skipped.lastError).toBe('recipient opted out of non-critical messages');
    expect(harness.sinks.emailsTo(email).map((mail) => mail.subject)).toEqual(['[Sinergi] Selamat, Anda terpilih']);
  });

  it('serves a recipient whose card arrives after the event, and fails with "no contact" when none comes', async () => {
    const email = uniqueEmail();
    const late = randomUUID();
    const [forLate] = await harness.publish(enrollmentSubmittedEvent.with(randomUUID(), submitted(late)));
    await harness.participant({ email }, 'id', late);
    const [forNobody] = await harness.publish(enrollmentSubmittedEvent.with(randomUUID(), submitted(randomUUID())));

    await harness.settled(forLate, 'enrollment-received');
    const failed = await harness.settled(forNobody, 'enrollment-received', 'failed');
    expect(failed.lastError).toMatch(/^no contact: participant /);
    expect((await harness.failed(failed.id))[0].data.reason).toBe(failed.lastError);
  });

  it('keeps reminders through a restart, re-plans them when the class moves, and cancels them with the class', async () => {
    const batchId = randomUUID();
    const [first, second] = [uniqueEmail(), uniqueEmail()];
    const people = [await harness.participant({ email: first }), await harness.participant({ email: second })];
    const startDate = inDays(20);
    await harness.publish(
      batchConfirmedEvent.with(batchId, {
        batchId,
        programmeId: randomUUID(),
        moduleCode: 'KWU-DASAR',
        provinceCode: '32',
        venueCode: 'BBPVP-BDG',
        roomCode: 'R1',
        instructorId: randomUUID(),
        startDate,
        endDate: inDays(24),
        seats: 20,
        reserves: 5,
        minimumQuorum: 10,
        confirmBy: inDays(10),
      }),
    );
    await harness.publish(...people.map((participantId) => seatConfirmedEvent.with(randomUUID(), seatDecision(participantId, batchId))));
    const reminders = () =>
      harness.query<{ recipient: string; status: string; at: Date }>(
        `SELECT recipient, status, next_attempt_at AS at FROM deliveries WHERE batch_id = $1 AND template = 'start-reminder' ORDER BY created_at, recipient`,
        [batchId],
      );
    const planned = reminderTime(startDate, 2).getTime();
    await waitFor('two timed start reminders', async () => (await reminders()).filter((row) => row.status === 'scheduled' && row.at.getTime() === planned).length === 2);

    await harness.restart(async () => {
      // Time passes while the service is down: the first reminder falls due.
      const client = new Client({ connectionString: harness.service.database.url });
      await client.connect();
      await client.query(`UPDATE deliveries SET next_attempt_at = now() WHERE batch_id = $1 AND recipient = $2`, [batchId, `participant:${people[0]}`]);
      await client.end();
    });
    const [reminder] = await harness.sinks.waitForEmails(first);
    expect(reminder.subject).toBe('[Sinergi] Pengingat: kelas Anda segera dimulai');
    expect(reminder.text).toContain('Kelas KWU-DASAR');

    const newStart = inDays(40);
    const [moved] = await harness.publish(
      batchRescheduledEvent.with(batchId, {
        batchId,
        programmeId: randomUUID(),
        previousStartDate: startDate,
        previousEndDate: inDays(24),
        startDate: newStart,
        endDate: inDays(44),
        reason: 'ruang direnovasi',
      }),
    );
    await harness.settled(moved, 'class-rescheduled');
    // Everyone confirmed gets a reminder for the new dates, including whoever already had one for the old dates.
    const byRecipient = async () => (await reminders()).map((row) => `${row.recipient === `participant:${people[0]}` ? 'first' : 'second'} ${row.status}`).sort();
    expect(await byRecipient()).toEqual(['first scheduled', 'first sent', 'second cancelled', 'second scheduled']);
    const replanned = (await reminders()).filter((row) => row.status === 'scheduled');
    expect(replanned.map((row) => row.at.getTime())).toEqual([reminderTime(newStart, 2).getTime(), reminderTime(newStart, 2).getTime()]);

    const [cancelled] = await harness.publish(
      batchCancelledEvent.with(batchId, { batchId, programmeId: randomUUID(), reason: 'admin', detail: 'dibatalkan' }),
    );
    await waitFor(
      'both told of the cancellation',
      async () =>
        (await harness.deliveriesOf(cancelled.id)).filter((row) => row.recipient.startsWith('participant:') && row.status === 'sent')
          .length === 2,
    );
    expect(await byRecipient()).toEqual(['first cancelled', 'first sent', 'second cancelled', 'second cancelled']);
    expect(harness.sinks.emailsTo(second).map((mail) => mail.subject)).toEqual(['[Sinergi] Jadwal kelas Anda berubah', '[Sinergi] Kelas Anda dibatalkan']);
  });
  it('registers a venue operator over HTTP, refusing bad input by field and rule, and tells them of a reservation', async () => {
    const email = uniqueEmail();
    const refused = await harness.request<Problem>('PUT', '/recipients/venue-operators/BBPVP-BDG', { fullName: '', phone: '0812', language: 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map(({ field, message }) => [field, message])).toEqual(
      expect.arrayContaining([
        ['fullName', 'fullName must be 1-200 characters'],
        ['phone', expect.stringMatching(/^phone must be an Indonesian number in E.164/)],
        ['language', 'language must be one of id, en'],
      ]),
    );
    expect((await harness.request<Problem>('PUT', '/recipients/venue-operators/bad code', { fullName: 'Budi', email })).body.errors).toEqual([
      { field: 'venueCode', rule: 'matches', message: expect.stringMatching(/^venueCode must be/) },
    ]);

    const venueCode = `BLK-${randomUUID().slice(0, 6).toUpperCase()}`;
    const registered = await harness.request<RecipientView>('PUT', `/recipients/venue-operators/${venueCode}`, { fullName: 'Budi Santoso', email, language: 'en' });
    expect(registered).toEqual({ status: 200, body: { kind: 'venue-operator', id: venueCode, reachableBy: ['email'], language: 'en', preferences: { language: null, channels: null, optOut: false } } });
    const batchId = randomUUID();
    await harness.publish(
      venueReservedEvent.with(batchId, {
        batchId,
        reservationId: randomUUID(),
        venueCode,
        roomCode: 'R1',
        startDate: inDays(15),
        endDate: inDays(19),
        seats: 20,
      }),
    );

    const [mail] = await harness.sinks.waitForEmails(email);
    expect(mail.subject).toBe('[Sinergi] Room reserved');
    expect(mail.text).toMatch(/^Dear Budi Santoso,/);
    // The email reaches the sink a moment before the dispatcher records it as sent.
    const deliveries = async () => (await harness.request<Page<DeliveryView>>('GET', `/deliveries?recipient=venue-operator:${venueCode}&limit=200`)).body.items;
    await waitFor('the reservation notice recorded as sent', async () => (await deliveries()).some((delivery) => delivery.status === 'sent'));
    expect(await deliveries()).toEqual([expect.objectContaining({ template: 'venue-reserved', status: 'sent' })]);
  });
  it("sends the admins' daily digest once a day, with the fill rate and the classes under quorum", async () => {
    const email = uniqueEmail();
    const adminId = `ADMIN-${randomUUID().slice(0, 6).toUpperCase()}`;
    await harness.request('PUT', `/recipients/admins/${adminId}`, { fullName: 'Dewi', email });
    const [programmeId, batchId] = [randomUUID(), randomUUID()];
    const [fill] = await harness.publish(
      batchFillChangedEvent.with(batchId, {
        batchId,
        programmeId,
        seats: 20,
        reserves: 5,
        selected: 6,
        confirmed: 4,
        reserved: 0,
        minimumQuorum: 10,
        quorumMet: false,
      }),
    );
    await waitFor(
      'the fill recorded',
      async () => (await harness.query('SELECT 1 FROM inbox WHERE event_id = $1', [fill.id])).length === 1,
    );

    const timer = harness.service.app.get(DigestTimer);
    const at = new Date('2031-03-03T01:30:00Z');
    await timer.runOnce(at);
    await timer.runOnce(at);

    const [digest] = await harness.sinks.waitForEmails(email);
    expect(digest.subject).toBe('[Sinergi] Ringkasan harian 3 Maret 2031');
    expect(digest.text).toContain(`Program ${programmeId}: 1 kelas, 4/20 kursi terkonfirmasi (20%).`);
    expect(digest.text).toContain(`- di bawah kuorum: kelas ${batchId} (4/10)`);
    expect(await harness.request<Page<DeliveryView>>('GET', `/deliveries?recipient=admin:${adminId}`)).toMatchObject({ body: { items: [{ template: 'admin-digest' }] } });
  });

  it('pages a recipient\'s deliveries by cursor in creation order, without gaps or repeats', async () => {
    const participantId = await harness.participant({ email: uniqueEmail() });
    await harness.publish(...Array.from({ length: 5 }, () => enrollmentSubmittedEvent.with(randomUUID(), submitted(participantId))));
    const path = `/deliveries?recipient=participant:${participantId}`;
    await waitFor('five deliveries', async () => (await harness.request<Page<DeliveryView>>('GET', `${path}&limit=200`)).body.items.length === 5);

    const walked: DeliveryView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await harness.request<Page<DeliveryView>>('GET', `${path}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      walked.push(...body.items);
      cursor = body.next;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(3);
    expect(new Set(walked.map((row) => row.id)).size).toBe(5);
    const order = walked.map((row) => [row.createdAt, row.id].join(' '));
    expect(order).toEqual([...order].sort());
  });

  it("lists one class's messages by its batchId, whoever they went to, and refuses a batchId that is not a class id", async () => {
    const batchId = randomUUID();
    const instructorId = randomUUID();
    const participantId = await harness.participant({ email: uniqueEmail() });
    const inClass = seatDecision(participantId, batchId);
    await harness.publish(
      batchConfirmedEvent.with(batchId, {
        batchId,
        programmeId: inClass.programmeId,
        moduleCode: 'KWU-DASAR',
        provinceCode: '32',
        venueCode: 'BBPVP-BDG',
        roomCode: 'R1',
        instructorId,
        startDate: inDays(30),
        endDate: inDays(32),
        seats: 16,
        reserves: 2,
        minimumQuorum: 5,
        confirmBy: inDays(20),
      }),
      participantSelectedEvent.with(inClass.enrollmentId, { ...inClass, confirmBy: inDays(20) }),
    );
    const elsewhere = seatDecision(participantId);
    const [other] = await harness.publish(participantSelectedEvent.with(elsewhere.enrollmentId, { ...elsewhere, confirmBy: inDays(20) }));
    await harness.settled(other, 'selected');
    const viewer: Principal = { subject: 'viewer-test', roles: ['viewer'], venueCodes: [] };
    const ofClass = async () => (await harness.request<Page<DeliveryView>>('GET', `/deliveries?batchId=${batchId}&limit=200`, undefined, {}, viewer)).body.items;
    await waitFor('the class\'s three messages', async () => (await ofClass()).length === 3);

    const listed = await ofClass();
    expect(listed.map((row) => [row.template, row.recipient]).sort()).toEqual([
      ['class-scheduled', `instructor:${instructorId}`],
      ['confirm-by-reminder', `participant:${participantId}`],
      ['selected', `participant:${participantId}`],
    ]);
    expect(listed.every((row) => row.batchId === batchId)).toBe(true);
    const refused = await harness.request<Problem>('GET', '/deliveries?batchId=not-a-class');
    expect([refused.status, refused.body.errors]).toEqual([400, [expect.objectContaining({ field: 'batchId', rule: 'isUuid' })]]);
  });

  it('answers 400 naming cursor to a cursor it did not make', async () => {
    const answer = await harness.request<Problem>('GET', `/deliveries?recipient=admin:KEMNAKER&cursor=bm90LWEtY3Vyc29y`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('shows a participant their own recipient record and preferences, and no one else\'s', async () => {
    const own = await harness.participant({ email: uniqueEmail() });
    const other = await harness.participant({ email: uniqueEmail() });
    const participant: Principal = { subject: 'participant-test', roles: ['participant'], venueCodes: [], participantId: own };
    // The recipient exists once notification has consumed the contact card.
    await waitFor('the participant\'s recipient record', async () => (await harness.request('GET', `/recipients/participants/${own}`, undefined, {}, participant)).status === 200);
    expect((await harness.request('GET', `/recipients/participants/${own}/preferences`, undefined, {}, participant)).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', `/recipients/participants/${other}`, undefined],
      ['GET', `/recipients/participants/${other}/preferences`, undefined],
      ['PUT', `/recipients/participants/${other}/preferences`, { optOut: true }],
    ] as const) {
      expect((await harness.request(method, path, body, {}, participant)).status).toBe(403);
    }
  });
});
