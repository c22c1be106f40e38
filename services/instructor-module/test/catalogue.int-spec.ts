import {
  ContactCard,
  InstructorContactChanged,
  InstructorDetailView,
  InstructorProfile,
  InstructorView,
  Problem,
  instructorUpsertedEvent,
  RecordAccepted,
  RecordRejected,
  sealKeyFrom,
  TrainingModulePublished,
  TrainingModuleView,
  trainingModuleUpsertedEvent,
  unseal,
  Page,
  Principal,
} from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { instructorBody, InstructorModuleHarness } from './support';

describe('instructor-module catalogue: training modules, instructors, KemenUMKM roster (real Kafka, real PostgreSQL)', () => {
  let harness: InstructorModuleHarness;

  beforeAll(async () => {
    harness = await InstructorModuleHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  describe('training modules over HTTP', () => {
    const module = { moduleCode: 'KWU-BASIC', title: 'Kewirausahaan Dasar', hours: 24, ownerPartyCode: 'KEMENUMKM' };

    it('publishes version 1, then a new version only when the content changes', async () => {
      const created = await harness.request<TrainingModuleView>('POST', '/training-modules', module);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...module, version: 1 });

      const same = await harness.request<TrainingModuleView>('POST', '/training-modules', module);
      expect(same.body.version).toBe(1);
      const changed = await harness.request<TrainingModuleView>('POST', '/training-modules', { ...module, hours: 32 });
      expect(changed.body).toMatchObject({ hours: 32, version: 2 });

      const events = await harness.waitForEvents<TrainingModulePublished>('TrainingModulePublished', (data) => data.moduleCode === 'KWU-BASIC', 2);
      expect(events.map((event) => [event.subject, event.data.version, event.data.hours])).toEqual([
        ['KWU-BASIC', 1, 24],
        ['KWU-BASIC', 2, 32],
      ]);
      expect((await harness.request<TrainingModuleView>('GET', '/training-modules/KWU-BASIC')).body.version).toBe(2);
      expect((await harness.request<Page<TrainingModuleView>>('GET', '/training-modules')).body.items.map((m) => m.moduleCode)).toContain('KWU-BASIC');
      expect((await harness.request('GET', '/training-modules/NOPE')).status).toBe(404);
    });

    it('rejects a bad module naming each field and rule', async () => {
      const response = await harness.request<Problem>('POST', '/training-modules', {
        moduleCode: 'kwu 01',
        title: '',
        hours: 0,
        ownerPartyCode: 'kemenumkm',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'moduleCode', rule: 'matches', message: 'moduleCode must be 1-40 upper-case letters, digits, _ . or -, e.g. KWU-01' },
          { field: 'title', rule: 'isLength', message: 'title must be 1-300 characters' },
          { field: 'hours', rule: 'min', message: 'hours must be between 1 and 1000' },
          { field: 'ownerPartyCode', rule: 'matches', message: 'ownerPartyCode must be 2-32 upper-case letters, digits, _ or -, e.g. KEMENUMKM' },
        ]),
      );
    });
  });

  describe('instructors over HTTP', () => {
    it('registers and updates an instructor, publishing profiles without name or contact', async () => {
      const body = instructorBody({ phone: '0812345123', email: 'siti.rahma@contoh.umkm.go.id', competencies: ['KWU-HTTP'] });
      const registered = await harness.request<InstructorDetailView>('POST', '/instructors', body);
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({ phone: '+62812345123', email: 'siti.rahma@contoh.umkm.go.id', homeProvinceCode: '32' });
      const id = registered.body.id;

      const updated = await harness.request<InstructorDetailView>('PUT', `/instructors/${id}`, {
        ...body,
        externalRef: undefined,
        homeProvinceCode: '35',
        competencies: ['KWU-HTTP', 'KWU-DIGITAL'],
      });
      expect(updated.status).toBe(200);
      expect(updated.body.competencies).toEqual(['KWU-DIGITAL', 'KWU-HTTP']);

      const [registeredEvent] = await harness.waitForEvents<InstructorProfile>('InstructorRegistered', (data) => data.instructorId === id);
      const [updatedEvent] = await harness.waitForEvents<InstructorProfile>('InstructorUpdated', (data) => data.instructorId === id);
      expect(registeredEvent.subject).toBe(id);
      expect(updatedEvent.data).toEqual({
        instructorId: id,
        homeProvinceCode: '35',
        competencies: ['KWU-DIGITAL', 'KWU-HTTP'],
        maxClassesPerPeriod: 4,
        active: true,
      });
      for (const event of [registeredEvent, updatedEvent]) {
        const text = JSON.stringify(event);
        expect(text).not.toContain(String(body.fullName));
        expect(text).not.toContain('siti.rahma');
        expect(text).not.toContain('812345123');
      }

      const listed = await harness.request<Page<InstructorView>>('GET', '/instructors?moduleCode=KWU-HTTP&provinceCode=35');
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({ id, phone: '+628*****123', email: 's***@contoh.umkm.go.id' });
      expect((await harness.request<Page<InstructorView>>('GET', '/instructors?moduleCode=KWU-HTTP&provinceCode=32')).body.items).toEqual([]);
    });

    it('gives notification a sealed contact card on registration and on each change of name or contact, not of other details', async () => {
      const body = instructorBody({ phone: '0812555001', email: 'dewi.lestari@contoh.umkm.go.id' });
      const id = (await harness.request<InstructorDetailView>('POST', '/instructors', body)).body.id;
      const change = (override: Record<string, unknown>) => harness.request('PUT', `/instructors/${id}`, { ...body, externalRef: undefined, ...override });
      expect((await change({ maxClassesPerPeriod: 6 })).status).toBe(200);
      expect((await change({ phone: '0812555002' })).status).toBe(200);

      await harness.waitForEvents('InstructorUpdated', (data: InstructorProfile) => data.instructorId === id && data.maxClassesPerPeriod === 6);
      const cards = await harness.waitForEvents<InstructorContactChanged>('InstructorContactChanged', (data) => data.instructorId === id, 2);
      const key = sealKeyFrom(harness.contactSealKey);
      expect(cards.map((card) => unseal<ContactCard>(card.data.contact, [key], id))).toEqual([
        { fullName: body.fullName, phone: '+62812555001', email: 'dewi.lestari@contoh.umkm.go.id' },
        { fullName: body.fullName, phone: '+62812555002', email: 'dewi.lestari@contoh.umkm.go.id' },
      ]);
      for (const card of cards) {
        expect(card.data.language).toBe('id');
        const text = JSON.stringify(card);
        expect(text).not.toContain('dewi.lestari');
        expect(text).not.toContain('812555');
        expect(text).not.toContain(String(body.fullName));
      }
      expect(harness.eventsOfType('InstructorContactChanged').filter((event) => event.subject === id)).toHaveLength(2);
    });

    it('records unavailable days, and refuses a duplicate KemenUMKM id', async () => {
      const body = instructorBody({ competencies: ['KWU-HTTP'] });
      const { body: instructor } = await harness.request<InstructorDetailView>('POST', '/instructors', body);
      const marked = await harness.request<InstructorDetailView>('POST', `/instructors/${instructor.id}/unavailability`, { from: '2025-05-06', to: '2025-05-08' });
      expect(marked.status).toBe(200);
      expect(marked.body.unavailableDays).toEqual(['2025-05-06', '2025-05-07', '2025-05-08']);
      expect((await harness.request<InstructorDetailView>('GET', `/instructors/${instructor.id}`)).body.unavailableDays).toHaveLength(3);

      const backwards = await harness.request<Problem>('POST', `/instructors/${instructor.id}/unavailability`, { from: '2025-05-08', to: '2025-05-06' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([{ field: 'to', rule: 'not-before-from', message: 'to must not be before from' }]);

      const duplicate = await harness.request<Problem>('POST', '/instructors', { ...body, fullName: 'Someone Else' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.errors).toEqual([{ field: 'externalRef', rule: 'unique', message: 'an instructor with this KemenUMKM id is already registered' }]);
    });

    it('rejects a bad instructor naming each field and rule', async () => {
      const response = await harness.request<Problem>(
        'POST',
        '/instructors',
        instructorBody({ phone: '0712345678', email: 'not-an-email', homeProvinceCode: '99', competencies: [], maxClassesPerPeriod: 0 }),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors?.map(({ field, message }) => [field, message])).toEqual(
        expect.arrayContaining([
          ['phone', 'phone must be an Indonesian mobile number: 08..., 628... or +628..., 10-15 digits'],
          ['email', 'email must be an email address'],
          ['homeProvinceCode', 'homeProvinceCode must be a Kemendagri province code, e.g. 32 for Jawa Barat'],
          ['competencies', 'competencies must name at least one module code'],
          ['maxClassesPerPeriod', 'maxClassesPerPeriod must be between 1 and 100'],
        ]),
      );
    });
  });

  describe('KemenUMKM roster', () => {
    const goodInstructor = {
      externalRef: 'KUMKM-0001',
      fullName: 'Budi Santoso',
      phone: '6281298765432',
      homeProvinceCode: '73',
      competencies: ['KWU-ROSTER'],
      maxClassesPerPeriod: 3,
      unavailableDays: ['2025-05-20'],
      active: true,
    };

    it('applies good records and answers each with RosterRecordAccepted', async () => {
      const [moduleEvent, instructorEvent] = await harness.publish(
        trainingModuleUpsertedEvent.with('KWU-ROSTER', {
          moduleCode: 'KWU-ROSTER',
          title: 'Pemasaran Digital UMKM',
          hours: 16,
          ownerPartyCode: 'KEMENUMKM',
          version: 3,
        }),
        instructorUpsertedEvent.with(goodInstructor.externalRef, goodInstructor),
      );

      const accepted = await harness.waitForEvents<RecordAccepted>(
        'RosterRecordAccepted',
        (data) => [moduleEvent.id, instructorEvent.id].includes(data.sourceEventId),
        2,
      );
      expect(accepted.map((event) => event.data).sort((a, b) => a.recordType.localeCompare(b.recordType))).toEqual([
        { sourceEventId: instructorEvent.id, recordType: 'InstructorUpserted', recordRef: 'KUMKM-0001' },
        { sourceEventId: moduleEvent.id, recordType: 'TrainingModuleUpserted', recordRef: 'KWU-ROSTER' },
      ]);
      await harness.waitForEvents<TrainingModulePublished>('TrainingModulePublished', (data) => data.moduleCode === 'KWU-ROSTER' && data.version === 3);

      const [listed] = (await harness.request<Page<InstructorView>>('GET', '/instructors?moduleCode=KWU-ROSTER')).body.items;
      expect(listed).toMatchObject({ externalRef: 'KUMKM-0001', phone: '+628*******432', homeProvinceCode: '73' });
      expect((await harness.request<InstructorDetailView>('GET', `/instructors/${listed.id}`)).body.unavailableDays).toEqual(['2025-05-20']);
      await harness.waitForEvents<InstructorProfile>('InstructorRegistered', (data) => data.instructorId === listed.id);
    });

    it('refuses bad records naming field and rule, and keeps going with the next record', async () => {
      const [badInstructor, noKey, staleModule, goodUpdate] = await harness.publish(
        instructorUpsertedEvent.with('KUMKM-0002', {
          ...goodInstructor,
          externalRef: 'KUMKM-0002',
          phone: '12345',
          homeProvinceCode: '99',
          fullName: undefined,
        }),
        instructorUpsertedEvent.with('unknown', { fullName: 'Tanpa Kunci' }),
        trainingModuleUpsertedEvent.with('KWU-ROSTER', {
          moduleCode: 'KWU-ROSTER',
          title: 'Versi lama',
          hours: 16,
          ownerPartyCode: 'KEMENUMKM',
          version: 2,
        }),
        instructorUpsertedEvent.with('KUMKM-0001', { ...goodInstructor, maxClassesPerPeriod: 5, unavailableDays: [] }),
      );

      const rejected = await harness.waitForEvents<RecordRejected>(
        'RosterRecordRejected',
        (data) => [badInstructor.id, noKey.id, staleModule.id].includes(data.sourceEventId),
        3,
      );
      const bySource = new Map(rejected.map((event) => [event.data.sourceEventId, event.data]));
      const bad = bySource.get(badInstructor.id);
      expect(bad?.recordRef).toBe('KUMKM-0002');
      expect(bad?.problems.map((problem) => problem.field).sort()).toEqual(['/homeProvinceCode', '/phone', 'fullName']);
      expect(bad?.problems.find((problem) => problem.field === 'fullName')?.rule).toBe("must have required property 'fullName'");
      expect(JSON.stringify(bad)).not.toContain('Budi');
      expect(bySource.get(noKey.id)?.recordRef).toBe(noKey.id);
      expect(bySource.get(staleModule.id)?.problems).toEqual([{ field: '/version', rule: 'must not be older than the current version 3' }]);

      await harness.waitForEvents<RecordAccepted>('RosterRecordAccepted', (data) => data.sourceEventId === goodUpdate.id);
      const [listed] = (await harness.request<Page<InstructorView>>('GET', '/instructors?moduleCode=KWU-ROSTER')).body.items;
      expect(listed.maxClassesPerPeriod).toBe(5);
      expect((await harness.request<InstructorDetailView>('GET', `/instructors/${listed.id}`)).body.unavailableDays).toEqual([]);
      expect((await harness.request<TrainingModuleView>('GET', '/training-modules/KWU-ROSTER')).body.title).toBe('Pemasaran Digital UMKM');
      await waitFor('InstructorUpdated for the roster update', () =>
        harness.eventsOfType<InstructorProfile>('InstructorUpdated').some((event) => event.data.instructorId === listed.id && event.data.maxClassesPerPeriod === 5),
      );
    });

    it('rejects a record with a NUL, and one the database refuses, on their own, and applies the next', async () => {
      await harness.query(`
        CREATE FUNCTION refuse_instructor() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.full_name = 'Ditolak Basis Data' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END IF;
          RETURN NEW;
        END $$`);
      await harness.query('CREATE TRIGGER refuse_instructor BEFORE INSERT ON instructors FOR EACH ROW EXECUTE FUNCTION refuse_instructor()');
      try {
        const [withNul, refused, next] = await harness.publish(
          instructorUpsertedEvent.with('KUMKM-0003', { ...goodInstructor, externalRef: 'KUMKM-0003', fullName: 'Budi\u0000Santoso' }),
          instructorUpsertedEvent.with('KUMKM-0004', { ...goodInstructor, externalRef: 'KUMKM-0004', fullName: 'Ditolak Basis Data' }),
          instructorUpsertedEvent.with('KUMKM-0005', { ...goodInstructor, externalRef: 'KUMKM-0005' }),
        );

        await harness.waitForEvents<RecordAccepted>('RosterRecordAccepted', (data) => data.sourceEventId === next.id);
        const rejected = await harness.waitForEvents<RecordRejected>('RosterRecordRejected', (data) => [withNul.id, refused.id].includes(data.sourceEventId), 2);
        const bySource = new Map(rejected.map((event) => [event.data.sourceEventId, event.data]));
        expect(bySource.get(withNul.id)).toMatchObject({ recordRef: 'KUMKM-0003', problems: [{ field: '/fullName', rule: 'no-control-characters' }] });
        expect(bySource.get(refused.id)).toMatchObject({ recordRef: 'KUMKM-0004', problems: [{ field: '/', rule: 'the database refused the record (SQLSTATE 23514)' }] });
      } finally {
        await harness.query('DROP TRIGGER refuse_instructor ON instructors; DROP FUNCTION refuse_instructor()');
      }
    });
  });

  describe('pages and reach of instructors', () => {
    const moduleCode = `KWU-PAGE-${Date.now()}`;
    const viewer: Principal = { subject: 'viewer', roles: ['viewer'], venueCodes: [] };
    let ids: string[];
    const instructorAs = (instructorId: string): Principal => ({ subject: 'instructor', roles: ['instructor'], venueCodes: [], instructorId });

    beforeAll(async () => {
      ids = await harness.registerInstructors(...[1, 2, 3, 4, 5].map(() => ({ competencies: [moduleCode] })));
    });

    it('walks every page with limit 2 without duplicates or gaps, and answers 400 naming cursor for a bad one', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await harness.request<Page<InstructorView>>('GET', `/instructors?moduleCode=${moduleCode}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((instructor) => instructor.id));
        cursor = page.body.next;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect([...seen].sort()).toEqual([...ids].sort());
      const bad = await harness.request<Problem>('GET', `/instructors?moduleCode=${moduleCode}&cursor=not-a-cursor`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    it('shows a viewer names, phones and e-mails masked', async () => {
      const listed = await harness.request<Page<InstructorView>>('GET', `/instructors?moduleCode=${moduleCode}`, undefined, {}, viewer);
      expect(listed.status).toBe(200);
      for (const instructor of listed.body.items) {
        expect(instructor.fullName).toMatch(/^I\*\*\* C\*\*\* \d\*\*\*$/);
        expect(instructor.email).toBe('i***@contoh.umkm.go.id');
        expect(instructor.phone).toMatch(/^\+628\*+\d{3}$/);
      }
      const one = await harness.request<InstructorDetailView>('GET', `/instructors/${ids[0]}`, undefined, {}, viewer);
      expect(one.body.fullName).toMatch(/^I\*\*\* C\*\*\*/);
      expect(one.body.email).toBe('i***@contoh.umkm.go.id');
      expect(one.body.phone).toMatch(/^\+628\*+\d{3}$/);
      const staff = await harness.request<InstructorDetailView>('GET', `/instructors/${ids[0]}`);
      expect(staff.body.fullName).toMatch(/^Instruktur Contoh \d+$/);
    });

    it('lets an instructor read and change only their own contact details; the rest is KemenUMKM\'s', async () => {
      const [mine, theirs] = ids;
      const me = instructorAs(mine);
      const own = await harness.request<InstructorDetailView>('GET', `/instructors/${mine}`, undefined, {}, me);
      expect(own.status).toBe(200);
      expect((await harness.request('GET', `/instructors/${theirs}`, undefined, {}, me)).status).toBe(403);
      const { id: _id, externalRef: _ref, unavailableDays: _days, ...details } = own.body;
      const contact = await harness.request<InstructorDetailView>('PUT', `/instructors/${mine}`, { ...details, email: 'baru@contoh.umkm.go.id' }, {}, me);
      expect(contact).toMatchObject({ status: 200, body: { email: 'baru@contoh.umkm.go.id' } });
      const more = await harness.request<Problem>('PUT', `/instructors/${mine}`, { ...details, maxClassesPerPeriod: 9 }, {}, me);
      expect(more.status).toBe(403);
      expect(more.body.errors).toEqual([expect.objectContaining({ field: 'maxClassesPerPeriod', rule: 'kemenumkm-decides' })]);
      expect((await harness.request('PUT', `/instructors/${theirs}`, details, {}, me)).status).toBe(403);
      expect((await harness.request('POST', `/instructors/${theirs}/unavailability`, { from: '2029-01-01', to: '2029-01-02' }, {}, me)).status).toBe(403);
      const away = await harness.request<InstructorDetailView>('POST', `/instructors/${mine}/unavailability`, { from: '2029-01-01', to: '2029-01-02' }, {}, me);
      expect(away).toMatchObject({ status: 200, body: { unavailableDays: ['2029-01-01', '2029-01-02'] } });
    });
  });
});
