import { randomUUID } from 'node:crypto';
import {
  AttendanceEntry,
  addDays,
  AttendanceRecorded,
  batchCompletedEvent,
  batchStartedEvent,
  CertificateIssued,
  CertificateVerificationView,
  ClassRegisterView,
  EnrollmentView,
  ParticipantCompleted,
  ParticipationLetterIssued,
  Principal,
  Problem,
  ProgrammeLaunched,
  todayInWib,
} from '@sinergi/contracts';
import { problemLines, readPdf, waitFor } from '@sinergi/testing';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

type ErrorBody = Problem;

describe('enrollment attendance, completion and certificates (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;
  let programme: ProgrammeLaunched;
  const today = todayInWib();
  const days = [-4, -3, -2, -1, 0].map((offset) => addDays(today, offset));

  beforeAll(async () => {
    harness = await EnrollmentHarness.start({ PORTAL_PUBLIC_URL: 'https://verifikasi.contoh.go.id/portal' });
    programme = programmeLaunched({ periodStart: addDays(today, -10) });
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  async function seated(batchId: string, provinceCode: string, confirm = true): Promise<EnrollmentView & { fullName: string }> {
    const participant = await harness.registerChecked(participantBody({ provinceCode }));
    const enrollment = await harness.enroll<EnrollmentView>({ participantId: participant.id, programmeId: programme.programmeId, batchId });
    expect(enrollment.body.status).toBe('selected');
    if (confirm) expect((await harness.request('POST', `/enrollments/${enrollment.body.id}/confirm`)).status).toBe(200);
    return { ...enrollment.body, fullName: participant.fullName };
  }

  function record(batchId: string, day: string, records: AttendanceEntry[]) {
    return harness.request<ClassRegisterView & ErrorBody>('PUT', `/batches/${batchId}/attendance/${day}`, { records });
  }

  function lifecycle(step: typeof batchStartedEvent | typeof batchCompletedEvent, batchId: string, on: string) {
    return harness.publish(step.with(batchId, { batchId, programmeId: programme.programmeId, on }));
  }

  it('records a class register, then issues a certificate at 4 of 5 days, a letter at 3, exactly once; the code verifies', async () => {
    // A five-day class that started four days ago (WIB) and ends today; its seats may still be confirmed.
    const klass = batchConfirmed(programme, {
      provinceCode: '61',
      seats: 4,
      reserves: 0,
      minimumQuorum: 1,
      startDate: days[0],
      endDate: days[4],
      confirmBy: addDays(today, 3),
    });
    const later = batchConfirmed(programme, {
      provinceCode: '62',
      seats: 2,
      reserves: 0,
      minimumQuorum: 1,
      startDate: today,
      endDate: addDays(today, 4),
      confirmBy: addDays(today, 3),
    });
    await harness.launch(programme, klass, later);
    const full = await seated(klass.batchId, '61');
    const part = await seated(klass.batchId, '61', false); // a promoted reserve may sit the class before confirming
    const absent = await seated(klass.batchId, '61');
    const elsewhere = await seated(later.batchId, '62');
    await lifecycle(batchStartedEvent, klass.batchId, days[0]);

    for (const [index, day] of days.entries()) {
      const answer = await record(klass.batchId, day, [
        { enrollmentId: full.id, present: true },
        { enrollmentId: part.id, present: index < 3 },
        { enrollmentId: absent.id, present: false },
      ]);
      expect(answer.status).toBe(200);
    }
    // The last day again: it replaces what was recorded (the full participant left early; the others are no longer listed).
    expect((await record(klass.batchId, days[4], [{ enrollmentId: full.id, present: false }])).status).toBe(200);
    const [recorded] = await harness.waitForEvents<AttendanceRecorded>(
      'AttendanceRecorded',
      (data) => data.enrollmentId === full.id && data.day === days[4] && !data.present,
    );
    expect(recorded.data).toEqual({
      batchId: klass.batchId,
      day: days[4],
      enrollmentId: full.id,
      participantId: full.participantId,
      present: false,
    });

    const register = await harness.request<ClassRegisterView>('GET', `/batches/${klass.batchId}/attendance`);
    expect(register.body.classDays).toEqual(days);
    expect(register.body.participants.map((line) => [line.enrollmentId, line.attendedDays])).toEqual([
      [full.id, 4],
      [part.id, 3],
      [absent.id, 0],
    ]);
    expect(register.body.participants[0].days).toEqual({
      [days[0]]: true,
      [days[1]]: true,
      [days[2]]: true,
      [days[3]]: true,
      [days[4]]: false,
    });
    expect(register.body.participants[1].days).toEqual({ [days[0]]: true, [days[1]]: true, [days[2]]: true, [days[3]]: false });

    // Refused: a future day, a day outside the class, a participant not in the class, a day that is no date.
    const future = await record(later.batchId, addDays(today, 1), [{ enrollmentId: elsewhere.id, present: true }]);
    expect(future.status).toBe(400);
    expect(problemLines(future.body)).toEqual([`day: must not be in the future; today in WIB is ${today}`]);
    const outside = await record(klass.batchId, addDays(today, -5), [{ enrollmentId: full.id, present: true }]);
    expect(outside.status).toBe(400);
    expect(problemLines(outside.body)).toEqual([`day: must be a teaching day of the class: ${days.join(', ')}`]);
    const stranger = await record(klass.batchId, days[1], [
      { enrollmentId: full.id, present: true },
      { enrollmentId: elsewhere.id, present: true },
    ]);
    expect(stranger.status).toBe(400);
    expect(problemLines(stranger.body)).toEqual([
      `records.1.enrollmentId: ${elsewhere.id} is not a seated participant of this class (selected or confirmed)`,
    ]);
    const notADay = await record(klass.batchId, '2026-02-30', [{ enrollmentId: full.id, present: true }]);
    expect(problemLines(notADay.body)).toEqual(['day: must be a date YYYY-MM-DD, e.g. 2025-05-12']);

    const [completion] = await lifecycle(batchCompletedEvent, klass.batchId, today);

    const [completed] = await harness.waitForEvents<ParticipantCompleted>('ParticipantCompleted', (data) => data.enrollmentId === full.id);
    expect(completed.data).toEqual({
      enrollmentId: full.id,
      participantId: full.participantId,
      programmeId: programme.programmeId,
      batchId: klass.batchId,
      attendedDays: 4,
      classDays: 5,
    });
    const [certificate] = await harness.waitForEvents<CertificateIssued>('CertificateIssued', (data) => data.enrollmentId === full.id);
    const code = certificate.data.verificationCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(certificate.data).toMatchObject({
      batchId: klass.batchId,
      certificateNumber: `SNG/${days[4].slice(0, 4)}/${klass.batchId.slice(0, 8).toUpperCase()}/001`,
      verificationUrl: `https://verifikasi.contoh.go.id/portal/verify/${code}`,
    });
    const [letter] = await harness.waitForEvents<ParticipationLetterIssued>(
      'ParticipationLetterIssued',
      (data) => data.enrollmentId === part.id,
    );
    expect(letter.data).toMatchObject({
      letterNumber: `SNG/SK/${days[4].slice(0, 4)}/${klass.batchId.slice(0, 8).toUpperCase()}/001`,
      attendedDays: 3,
      classDays: 5,
    });

    // Anyone can check the code (as typed: lower case, hyphenated); only what is printed on the certificate comes back.
    const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase();
    const verified = await harness.request<CertificateVerificationView>('GET', `/certificates/verify/${typed}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      valid: true,
      kind: 'certificate',
      certificateNumber: certificate.data.certificateNumber,
      holderName: full.fullName,
      programme: programme.name,
      classStartDate: days[0],
      classEndDate: days[4],
      issuedAt: certificate.data.issuedAt,
    });
    const unknown = await harness.request<ErrorBody>('GET', '/certificates/verify/0000000000');
    expect(unknown.status).toBe(404);
    expect(problemLines(unknown.body)).toEqual(['code: no certificate has this verification code; check it against the certificate (10 characters)']);
    expect((await harness.request<ErrorBody>('GET', '/certificates/verify/not-a-code')).body.errors).toEqual(unknown.body.errors);

    expect((await harness.request('GET', `/enrollments/${full.id}/certificate`)).body).toMatchObject({
      kind: 'certificate',
      verificationCode: code,
      attendedDays: 4,
    });
    expect((await harness.request('GET', `/enrollments/${part.id}/certificate`)).body).toMatchObject({
      kind: 'letter',
      verificationCode: letter.data.verificationCode,
      verificationUrl: `https://verifikasi.contoh.go.id/portal/verify/${letter.data.verificationCode}`,
      attendedDays: 3,
    });
    // A letter is verifiable too, and says it is a letter.
    expect((await harness.request<CertificateVerificationView>('GET', `/certificates/verify/${letter.data.verificationCode}`)).body).toMatchObject({
      valid: true,
      kind: 'letter',
      certificateNumber: letter.data.letterNumber,
    });
    expect((await harness.request('GET', `/enrollments/${absent.id}/certificate`)).status).toBe(404);

    // BatchCompleted redelivered, and repeated as a new message: no second document.
    await harness.republish([completion]);
    const [repeat] = await lifecycle(batchCompletedEvent, klass.batchId, today);
    await waitFor('the repeated completion to be handled', async () => {
      const [row] = await harness.query<{ count: number }>('SELECT count(*)::int AS count FROM inbox WHERE event_id = $1', [repeat.id]);
      return row.count === 1;
    });
    const documents = await harness.query<{ enrollment_id: string; kind: string }>(
      'SELECT enrollment_id, kind FROM certificates WHERE batch_id = $1 ORDER BY kind',
      [klass.batchId],
    );
    expect(documents).toEqual([
      { enrollment_id: full.id, kind: 'certificate' },
      { enrollment_id: part.id, kind: 'letter' },
    ]);
    expect(
      harness.eventsOfType<CertificateIssued>('CertificateIssued').filter((event) => event.data.batchId === klass.batchId),
    ).toHaveLength(1);

    const final = await record(klass.batchId, days[4], [{ enrollmentId: full.id, present: true }]);
    expect(final.status).toBe(409);
    expect(problemLines(final.body)).toEqual(['day: the class is completed; its register is final']);
    expect((await record(randomUUID(), days[0], [{ enrollmentId: full.id, present: true }])).status).toBe(404);
  });

  it('counts teaching days only: a class over a weekend or holiday takes no attendance on it, and completes on its teaching days', async () => {
    // Program skipped two days of the span (a weekend or a holiday): five teaching days over seven calendar days.
    const span = [-6, -5, -4, -3, -2, -1, 0].map((offset) => addDays(today, offset));
    const classDates = [span[0], span[1], span[3], span[4], span[6]];
    const klass = batchConfirmed(programme, {
      provinceCode: '63',
      seats: 2,
      reserves: 0,
      minimumQuorum: 1,
      startDate: span[0],
      endDate: span[6],
      classDates,
      confirmBy: addDays(today, 3),
    });
    await harness.launch(programme, klass);
    const participant = await seated(klass.batchId, '63');
    await lifecycle(batchStartedEvent, klass.batchId, span[0]);

    const skipped = await record(klass.batchId, span[2], [{ enrollmentId: participant.id, present: true }]);
    expect(skipped.status).toBe(400);
    expect(problemLines(skipped.body)).toEqual([`day: must be a teaching day of the class: ${classDates.join(', ')}`]);
    for (const day of classDates.slice(0, 4)) expect((await record(klass.batchId, day, [{ enrollmentId: participant.id, present: true }])).status).toBe(200);
    expect((await harness.request<ClassRegisterView>('GET', `/batches/${klass.batchId}/attendance`)).body.classDays).toEqual(classDates);

    await lifecycle(batchCompletedEvent, klass.batchId, today);
    const [completed] = await harness.waitForEvents<ParticipantCompleted>('ParticipantCompleted', (data) => data.enrollmentId === participant.id);
    // 4 of 5 teaching days is 80%: a certificate (4 of the 7 calendar days would not be).
    expect(completed.data).toMatchObject({ attendedDays: 4, classDays: 5 });
    await harness.waitForEvents<CertificateIssued>('CertificateIssued', (data) => data.enrollmentId === participant.id);
  });

  it('prints the certificate and the letter as PDFs with the verification link, for their participant only; 409 before completion', async () => {
    const klass = batchConfirmed(programme, {
      provinceCode: '64',
      seats: 3,
      reserves: 0,
      minimumQuorum: 1,
      startDate: days[0],
      endDate: days[4],
      confirmBy: addDays(today, 3),
    });
    await harness.launch(programme, klass);
    const full = await seated(klass.batchId, '64');
    const part = await seated(klass.batchId, '64');
    const participantOf = (enrollment: EnrollmentView): Principal => ({
      subject: `participant-${enrollment.participantId}`,
      roles: ['participant'],
      venueCodes: [],
      participantId: enrollment.participantId,
    });
    const problemOf = (bytes: Buffer) => problemLines(JSON.parse(bytes.toString('utf8')) as Problem);

    // Before the class completes: nothing to print yet.
    const early = await harness.download(`/enrollments/${full.id}/certificate.pdf`, participantOf(full));
    expect([early.status, early.contentType]).toEqual([409, 'application/problem+json; charset=utf-8']);
    expect(problemOf(early.bytes)).toEqual(['id: no certificate has been issued yet: documents are issued when the class completes']);
    expect((await harness.download(`/enrollments/${randomUUID()}/certificate.pdf`)).status).toBe(404);

    await lifecycle(batchStartedEvent, klass.batchId, days[0]);
    for (const [index, day] of days.entries()) {
      const answer = await record(klass.batchId, day, [
        { enrollmentId: full.id, present: true },
        { enrollmentId: part.id, present: index < 2 },
      ]);
      expect(answer.status).toBe(200);
    }
    await lifecycle(batchCompletedEvent, klass.batchId, today);
    const [certificate] = await harness.waitForEvents<CertificateIssued>('CertificateIssued', (data) => data.enrollmentId === full.id);
    const [letter] = await harness.waitForEvents<ParticipationLetterIssued>('ParticipationLetterIssued', (data) => data.enrollmentId === part.id);
    const { verificationCode: code, verificationUrl, certificateNumber } = certificate.data;
    expect(verificationUrl).toBe(`https://verifikasi.contoh.go.id/portal/verify/${code}`);

    const pdf = await harness.download(`/enrollments/${full.id}/certificate.pdf`, participantOf(full));
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.contentDisposition).toBe(`attachment; filename="sertifikat-${certificateNumber.replace(/\//g, '-')}.pdf"`);
    const printed = await readPdf(pdf.bytes);
    expect(printed.pages).toBe(1);
    expect(printed.qrCodes).toEqual([verificationUrl]);
    for (const line of ['SERTIFIKAT', `Nomor: ${certificateNumber}`, full.fullName, programme.name, verificationUrl, `Kode verifikasi: ${code}`, 'hadir 5 dari 5 hari pelatihan'])
      expect(printed.text).toContain(line);
    const [{ masked_nik: maskedNik }] = await harness.query<{ masked_nik: string }>('SELECT masked_nik FROM participants WHERE id = $1', [full.participantId]);
    expect(printed.text).not.toMatch(/\d{16}/);
    expect(printed.text).not.toContain(maskedNik);
    // The QR code's link is the page that verifies it.
    expect((await harness.request<CertificateVerificationView>('GET', `/certificates/verify/${printed.qrCodes[0].split('/').pop()}`)).body).toMatchObject({
      valid: true,
      certificateNumber,
      holderName: full.fullName,
    });

    const letterPdf = await harness.download(`/enrollments/${part.id}/letter.pdf`, participantOf(part));
    expect([letterPdf.status, letterPdf.contentType]).toEqual([200, 'application/pdf']);
    const printedLetter = await readPdf(letterPdf.bytes);
    for (const line of ['SURAT KETERANGAN MENGIKUTI PELATIHAN', `Nomor: ${letter.data.letterNumber}`, part.fullName, 'hadir 2 dari 5 hari pelatihan'])
      expect(printedLetter.text).toContain(line);
    expect(printedLetter.qrCodes).toEqual([letter.data.verificationUrl]);

    // The other kind is a 409 naming the one issued; another participant's document is a 403; staff reach every one.
    const wrongKind = await harness.download(`/enrollments/${part.id}/certificate.pdf`, participantOf(part));
    expect(wrongKind.status).toBe(409);
    expect(problemOf(wrongKind.bytes)).toEqual(['id: this enrollment was issued a participation letter (letter.pdf), not a certificate']);
    const someoneElses = await harness.download(`/enrollments/${full.id}/certificate.pdf`, participantOf(part));
    expect(someoneElses.status).toBe(403);
    expect(problemOf(someoneElses.bytes)).toEqual(['id: your role reaches only your own records']);
    expect((await harness.download(`/enrollments/${full.id}/certificate.pdf`)).status).toBe(200);
    expect((await harness.download(`/enrollments/${full.id}/certificate.pdf`, null)).status).toBe(401);
  });
});
