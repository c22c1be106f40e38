import { ClassRegisterView, EnrollmentView, Page, ParticipantView, Principal, Problem } from '@sinergi/contracts';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';

const FULL_NIK = /\d{16}/;
const participantPrincipal = (participantId: string): Principal => ({ subject: `participant-${participantId}`, roles: ['participant'], venueCodes: [], participantId });
const VIEWER: Principal = { subject: 'viewer-test', roles: ['viewer'], venueCodes: [] };
const BANDUNG_OPERATOR: Principal = { subject: 'operator-bandung', roles: ['venue-operator'], venueCodes: ['BBPVP-BANDUNG'] };

/** Who sees what of the personal data enrollment keeps (real Kafka, real PostgreSQL). */
describe('enrollment reach by role', () => {
  let harness: EnrollmentHarness;
  const bodies: string[] = [];
  let participant: ParticipantView;
  let other: ParticipantView;
  let enrollments: EnrollmentView[];
  let bandungBatchId: string;
  let medanBatchId: string;
  let medanEnrollmentId: string;

  async function as<T>(principal: Principal, path: string) {
    const answer = await harness.request<T>('GET', path, undefined, {}, principal);
    bodies.push(JSON.stringify(answer.body));
    return answer;
  }

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
    const programmes = [programmeLaunched(), programmeLaunched(), programmeLaunched()];
    const classes = programmes.map((programme) => batchConfirmed(programme, { venueCode: 'BBPVP-BANDUNG' }));
    const medan = batchConfirmed(programmes[0], { provinceCode: '12', venueCode: 'BBPVP-MEDAN' });
    for (const [index, programme] of programmes.entries()) await harness.launch(programme, classes[index], ...(index === 0 ? [medan] : []));
    bandungBatchId = classes[0].batchId;
    medanBatchId = medan.batchId;

    participant = await harness.registerChecked(participantBody({ fullName: 'Siti Rahayu Lestari' }));
    other = await harness.registerChecked(participantBody({ provinceCode: '12' }));
    enrollments = [];
    for (const [index, programme] of programmes.entries()) {
      const enrolled = await harness.enroll<EnrollmentView>({ participantId: participant.id, programmeId: programme.programmeId, batchId: classes[index].batchId });
      expect(enrolled.status).toBe(201);
      enrollments.push(enrolled.body);
    }
    const inMedan = await harness.enroll<EnrollmentView>({ participantId: other.id, programmeId: programmes[0].programmeId, batchId: medan.batchId });
    expect(inMedan.status).toBe(201);
    medanEnrollmentId = inMedan.body.id;
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  it("pages a participant's enrollments two at a time, oldest first, without gaps or repeats", async () => {
    const walked: EnrollmentView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await as<Page<EnrollmentView>>(participantPrincipal(participant.id), `/participants/${participant.id}/enrollments?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.items);
      cursor = page.body.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(walked.map((enrollment) => enrollment.id)).toEqual(enrollments.map((enrollment) => enrollment.id));
  });

  it('answers 400 naming cursor to a cursor it did not make', async () => {
    const answer = await as<Problem>(VIEWER, `/participants/${participant.id}/enrollments?cursor=bm90LWEtY3Vyc29y`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it("answers 403 to a participant asking for another participant's record or enrollments", async () => {
    const stranger = participantPrincipal(other.id);
    expect((await as(stranger, `/participants/${participant.id}`)).status).toBe(403);
    expect((await as(stranger, `/participants/${participant.id}/enrollments`)).status).toBe(403);
    expect((await as(stranger, `/enrollments/${enrollments[0].id}`)).status).toBe(403);
    expect((await as(participantPrincipal(participant.id), `/participants/${participant.id}`)).body).toMatchObject({ fullName: 'Siti Rahayu Lestari' });
    expect((await as(participantPrincipal(participant.id), `/enrollments/${enrollments[0].id}`)).status).toBe(200);
  });

  it('shows a viewer masked names, phones and e-mails', async () => {
    const seen = await as<ParticipantView>(VIEWER, `/participants/${participant.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.fullName).not.toBe(participant.fullName);
    expect(seen.body.phone).not.toBe(participant.phone);
    expect(seen.body.email).not.toBe(participant.email);
    expect(seen.body.phone.slice(-3)).toBe(participant.phone.slice(-3));
    const register = await as<ClassRegisterView>(VIEWER, `/batches/${bandungBatchId}/attendance`);
    expect(register.body.participants.map((line) => line.fullName)).not.toContain(participant.fullName);
  });

  it("shows a Bandung venue operator their own class's register by name, and not a Medan class's", async () => {
    const own = await as<ClassRegisterView>(BANDUNG_OPERATOR, `/batches/${bandungBatchId}/attendance`);
    expect(own.status).toBe(200);
    expect(own.body.participants).toEqual([expect.objectContaining({ participantId: participant.id, fullName: 'Siti Rahayu Lestari' })]);
    expect((await as(BANDUNG_OPERATOR, `/batches/${medanBatchId}/attendance`)).status).toBe(403);
    expect((await harness.request('PUT', `/batches/${medanBatchId}/attendance/${new Date().toISOString().slice(0, 10)}`, { records: [{ enrollmentId: medanEnrollmentId, present: true }] }, {}, BANDUNG_OPERATOR)).status).toBe(403);
  });

  it('never answers a full 16-digit NIK', () => {
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toMatch(FULL_NIK);
  });
});
