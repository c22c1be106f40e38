import { AgreementView, EventEnvelope, LaunchProgrammeRequest, ProgrammeView } from '@sinergi/contracts';
import { createTopicNamespace, deleteTopicNamespace, ServiceUnderTest, startServiceUnderTest, testAuthorization, TopicCollector, waitFor } from '@sinergi/testing';
import { programService } from '../src/program.service-definition';

const PARTIES = [
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
  { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules', 'participants'] },
];

describe('program: agreements and programmes (real Kafka, real PostgreSQL)', () => {
  let program: ServiceUnderTest;
  let collector: TopicCollector;
  let prefix: string;
  let sequence = 0;

  /** Typed as the caller expects: a contract view, or by default an error's body. */
  async function post<T = Record<string, unknown>>(path: string, body: object): Promise<{ status: number; body: T }> {
    const url = `${program.url}${path}`;
    const response = await fetch(url, { method: 'POST', headers: { ...(await testAuthorization(url)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function signPks(participantCeiling = 10_000): Promise<string> {
    sequence += 1;
    const mou = await post<AgreementView>('/agreements', { kind: 'MOU', number: `MOU-${sequence}`, title: 'Sinergi Program Pengembangan UMKM', signedOn: '2025-03-25', parties: PARTIES });
    const pks = await post<AgreementView>('/agreements', {
      kind: 'PKS',
      number: `PKS-${sequence}`,
      title: 'Pelatihan kewirausahaan serentak Mei 2025',
      signedOn: '2025-04-10',
      validUntil: '2025-12-31',
      parentAgreementId: mou.body.id,
      participantCeiling,
      parties: PARTIES,
    });
    expect(pks.status).toBe(201);
    return pks.body.id;
  }

  function programme(agreementId: string, overrides: object = {}): LaunchProgrammeRequest {
    return {
      agreementId,
      name: 'Pelatihan Kewirausahaan Mei 2025',
      periodStart: '2025-05-01',
      periodEnd: '2025-05-31',
      targetParticipants: 5_000,
      participantCeiling: 10_000,
      prioritySegments: ['micro', 'small'],
      selectionPolicy: 'lottery',
      moduleCode: 'KWU-DASAR',
      classDays: 5,
      minimumQuorum: 10,
      confirmByDaysBeforeStart: 3,
      ...overrides,
    };
  }

  function eventsOf(topic: string, subject: string): EventEnvelope[] {
    return (collector.valuesOf(`${prefix}${topic}`) as EventEnvelope[]).filter((event) => event.subject === subject);
  }

  beforeAll(async () => {
    prefix = await createTopicNamespace();
    program = await startServiceUnderTest(programService, prefix);
    collector = await TopicCollector.start([`${prefix}program.agreements.v1`, `${prefix}program.programmes.v1`]);
  });

  afterAll(async () => {
    await collector?.stop();
    await program?.destroy();
    await deleteTopicNamespace(prefix);
  });

  it('launches a programme under a PKS with the class defaults (16 seats + 2 reserves) and publishes it', async () => {
    const pks = await signPks();
    const launched = await post<ProgrammeView>('/programmes', programme(pks));
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({
      classSize: 16,
      reservesPerClass: 2,
      targetParticipants: 5_000,
      teachingWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    });

    const [event] = await waitFor('ProgrammeLaunched', () => {
      const found = eventsOf('program.programmes.v1', launched.body.id);
      return found.length === 1 && found;
    });
    expect(event.type).toBe('ProgrammeLaunched');
    expect(event.data).toMatchObject({ agreementId: pks, classDays: 5, classSize: 16, selectionPolicy: 'lottery', teachingWeekdays: launched.body.teachingWeekdays });
  });

  it("keeps a programme's own teaching weekdays", async () => {
    const launched = await post<ProgrammeView>('/programmes', programme(await signPks(), { teachingWeekdays: ['saturday', 'sunday'] }));
    expect(launched.status).toBe(201);
    expect(launched.body.teachingWeekdays).toEqual(['saturday', 'sunday']);
    const [event] = await waitFor('ProgrammeLaunched', () => eventsOf('program.programmes.v1', launched.body.id)[0] && eventsOf('program.programmes.v1', launched.body.id));
    expect(event.data).toMatchObject({ teachingWeekdays: ['saturday', 'sunday'] });
  });

  it('names each bad field of a programme and the rule it breaks', async () => {
    const response = await post('/programmes', { ...programme('not-a-uuid'), classDays: 0, selectionPolicy: 'raffle', teachingWeekdays: ['weekend'] });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'agreementId', rule: 'isUuid', message: 'agreementId must be the id of the PKS the programme runs under' },
        { field: 'classDays', rule: 'min', message: 'classDays must be between 1 and 60' },
        { field: 'selectionPolicy', rule: 'isIn', message: 'selectionPolicy must be one of: first-come-first-served, lottery, ranked' },
        {
          field: 'teachingWeekdays',
          rule: 'isIn',
          message: 'each teachingWeekday must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday',
        },
      ]),
    );
  });

  it('raises targets by amendment, never lowers them and never past the agreement ceiling', async () => {
    const pks = await signPks(10_000);
    const { body } = await post<ProgrammeView>('/programmes', programme(pks));
    const id = body.id;

    expect((await post(`/programmes/${id}/amendments`, { targetParticipants: 7_500, reason: 'more registrations' })).status).toBe(201);
    const lower = await post(`/programmes/${id}/amendments`, { targetParticipants: 100, reason: 'fewer' });
    expect(lower).toMatchObject({ status: 409, body: { errors: [{ field: 'targetParticipants', rule: 'only-raised', message: 'targetParticipants can only be raised' }] } });
    const past = await post(`/programmes/${id}/amendments`, { participantCeiling: 12_000, reason: 'expand' });
    expect(past).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'participantCeiling', rule: 'agreement-ceiling', message: 'the PKS allows 10000 participants and 10000 are left for this programme' }] },
    });

    expect((await post(`/agreements/${pks}/amendments`, { amendedOn: '2025-04-20', reason: 'expansion agreed', participantCeiling: 12_000 })).status).toBe(201);
    expect((await post(`/programmes/${id}/amendments`, { participantCeiling: 12_000, reason: 'expand' })).status).toBe(201);
    const tooLow = await post(`/agreements/${pks}/amendments`, { amendedOn: '2025-04-21', reason: 'cut', participantCeiling: 11_000 });
    expect(tooLow).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'participantCeiling', rule: 'not-below-programmes', message: 'its programmes already hold 12000 participants; it cannot be lower' }] },
    });

    await waitFor('both amendment events', () => eventsOf('program.programmes.v1', id).filter((event) => event.type === 'ProgrammeAmended').length === 2);
    await waitFor('AgreementAmended', () => eventsOf('program.agreements.v1', pks).some((event) => event.type === 'AgreementAmended'));
  });

  it('never lets programmes launched at the same time overshoot the agreement ceiling', async () => {
    const pks = await signPks(10_000);
    const results = await Promise.all([1, 2, 3].map(() => post('/programmes', programme(pks, { targetParticipants: 4_000, participantCeiling: 4_000 }))));
    expect(results.map((result) => result.status).sort()).toEqual([201, 201, 409]);
  });

  it('refuses programmes under an ended agreement, or an MoU', async () => {
    const pks = await signPks();
    expect((await post(`/agreements/${pks}/end`, { endedOn: '2025-04-30', reason: 'superseded' })).status).toBe(201);
    const refused = await post('/programmes', programme(pks));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'agreementId', rule: 'agreement-live', message: expect.stringMatching(/has ended$/) }]);
    await waitFor('AgreementEnded', () => eventsOf('program.agreements.v1', pks).some((event) => event.type === 'AgreementEnded'));

    sequence += 1;
    const mou = await post<AgreementView>('/agreements', { kind: 'MOU', number: `MOU-only-${sequence}`, title: 'MoU', signedOn: '2025-03-25', parties: PARTIES });
    expect(await post('/programmes', programme(mou.body.id))).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'agreementId', rule: 'pks', message: 'a programme runs under a PKS, not an MoU' }] },
    });
  });
});
