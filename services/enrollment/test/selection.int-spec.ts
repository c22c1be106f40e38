import { createHash } from 'node:crypto';
import { BatchFillChanged, DrawEntry, Page, Problem, SelectionDrawn, SelectionView } from '@sinergi/contracts';
import { batchConfirmed, EnrollmentHarness, participantBody, programmeLaunched } from './support';
import { problemLines } from '@sinergi/testing';

const POOL = 25;
/** Over 16,383: the most events one INSERT with four bind parameters per row could take (PostgreSQL allows 65,535). */
const NATIONAL_POOL = 16_500;

describe('enrollment lottery selection (real Kafka, real PostgreSQL)', () => {
  let harness: EnrollmentHarness;

  beforeAll(async () => {
    harness = await EnrollmentHarness.start();
  });

  afterAll(async () => {
    await harness?.destroy();
  });

  /** Every entry of a list, following `next` from page to page; how many pages it took. */
  async function allEntries(path: string): Promise<{ items: DrawEntry[]; pages: number }> {
    const items: DrawEntry[] = [];
    let pages = 0;
    let next: string | undefined;
    do {
      const page = await harness.request<Page<DrawEntry>>('GET', next ? `${path}&cursor=${next}` : path);
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      next = page.body.next;
      pages += 1;
    } while (next);
    return { items, pages };
  }

  it('pools accepted enrollments, draws once with the seed, seats in draw order, and answers a repeat with the first draw', async () => {
    const programme = programmeLaunched({ selectionPolicy: 'lottery' });
    const klass = batchConfirmed(programme, { seats: 16, reserves: 2 });
    await harness.launch(programme, klass);
    const ids: string[] = [];
    for (let i = 0; i < POOL; i += 1) {
      const participant = await harness.registerChecked(participantBody());
      const enrolled = await harness.enroll({ participantId: participant.id, programmeId: programme.programmeId });
      expect(enrolled.body.status).toBe('registered');
      ids.push(enrolled.body.id);
    }
    const accepted = await harness.waitForEvents<{ enrollmentId: string; awaitingSelection: boolean }>(
      'EnrollmentAccepted',
      (data) => ids.includes(data.enrollmentId),
      POOL,
    );
    expect(accepted.every((event) => event.data.awaitingSelection)).toBe(true);

    const path = `/programmes/${programme.programmeId}/selection`;
    expect((await harness.request<Problem>('GET', `${path}/entries`)).status).toBe(404);
    const drawn = await harness.request<SelectionView>('POST', path, { seed: 'audit-2025-05' });
    expect(drawn.status).toBe(200);
    expect(drawn.body.outcomes).toEqual({ selected: 16, reserved: 2, 'not-selected': POOL - 18 });
    // The audit, as the README describes it: sort by SHA-256(seed + ':' + id).
    const key = (id: string) => createHash('sha256').update(`audit-2025-05:${id}`).digest('hex');
    const expected = [...ids].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const { items: entries, pages } = await allEntries(`${path}/entries?limit=10`);
    expect(pages).toBe(3);
    expect(entries.map((entry) => entry.position)).toEqual(Array.from({ length: POOL }, (_, index) => index + 1));
    expect(entries.map((entry) => entry.enrollmentId)).toEqual(expected);
    expect(entries.map((entry) => entry.lotteryKey)).toEqual(expected.map(key));
    expect(drawn.body.poolDigest).toBe(createHash('sha256').update(expected.join('\n')).digest('hex'));
    expect(entries.map((entry) => entry.outcome)).toEqual([...Array(16).fill('selected'), 'reserved', 'reserved', ...Array(POOL - 18).fill('not-selected')]);
    expect(entries.slice(16, 18).map((entry) => entry.reserveRank)).toEqual([1, 2]);

    const reserved = await allEntries(`${path}/entries?outcome=reserved&limit=1`);
    expect(reserved.pages).toBe(2);
    expect(reserved.items).toEqual(entries.slice(16, 18));
    const notSelected = await allEntries(`${path}/entries?outcome=not-selected&limit=4`);
    expect(notSelected.items).toEqual(entries.slice(18));
    const badCursor = await harness.request<Problem>('GET', `${path}/entries?cursor=bm90LWEtY3Vyc29y`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const badOutcome = await harness.request<Problem>('GET', `${path}/entries?outcome=drawn`);
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome', rule: 'isIn' })]);
    const tooMany = await harness.request<Problem>('GET', `${path}/entries?limit=201`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);

    const [event] = await harness.waitForEvents<SelectionDrawn>('SelectionDrawn', (data) => data.programmeId === programme.programmeId);
    expect(event.data).toEqual({
      programmeId: programme.programmeId,
      policy: 'lottery',
      seed: 'audit-2025-05',
      poolSize: POOL,
      poolDigest: drawn.body.poolDigest,
      drawnAt: drawn.body.drawnAt,
    });
    await harness.waitForEvents('ParticipantSelected', (data: { enrollmentId: string }) => ids.includes(data.enrollmentId), 16);
    await harness.waitForEvents('ParticipantNotSelected', (data: { enrollmentId: string }) => ids.includes(data.enrollmentId), POOL - 18);
    const [fill] = await harness.waitForEvents<BatchFillChanged>('BatchFillChanged', (data) => data.batchId === klass.batchId && data.selected === 16);
    expect(fill.data).toMatchObject({ selected: 16, reserved: 2 });

    const repeat = await harness.request<SelectionView>('POST', path, { seed: 'another' });
    expect(repeat.body).toEqual(drawn.body);
    expect((await harness.request<SelectionView>('GET', path)).body).toEqual(drawn.body);

    const late = await harness.registerChecked(participantBody());
    const refused = await harness.enroll<Problem>({ participantId: late.id, programmeId: programme.programmeId });
    expect(refused.status).toBe(409);
    expect(problemLines(refused.body)).toEqual([expect.stringMatching(/^programmeId: registration is closed; the selection was drawn at /)]);
  });

  it('draws a pool too large for one four-parameters-a-row INSERT of its events, and publishes every outcome', async () => {
    const programme = programmeLaunched({ selectionPolicy: 'lottery' });
    const klass = batchConfirmed(programme, { seats: 16, reserves: 2 });
    await harness.launch(programme, klass);
    const participant = await harness.registerChecked(participantBody());
    const enrolled = await harness.enroll({ participantId: participant.id, programmeId: programme.programmeId });
    expect(enrolled.body.status).toBe('registered');
    // Registering 16,500 people through the API would take minutes: the rest of the pool are copies of this one,
    // each under its own ids (and NIK index, which is unique).
    await harness.query(
      `WITH copies AS (
         SELECT gen_random_uuid() AS participant_id, gen_random_uuid() AS enrollment_id FROM generate_series(2, $3)
       ), participants_added AS (
         INSERT INTO participants
         SELECT (jsonb_populate_record(p, jsonb_build_object('id', c.participant_id, 'nik_index', '\\x' || md5(c.participant_id::text)))).*
           FROM participants p, copies c WHERE p.id = $1
       )
       INSERT INTO enrollments
       SELECT (jsonb_populate_record(e, jsonb_build_object('id', c.enrollment_id, 'participant_id', c.participant_id))).*
         FROM enrollments e, copies c WHERE e.id = $2`,
      [participant.id, enrolled.body.id, NATIONAL_POOL],
    );

    const drawn = await harness.request<SelectionView>('POST', `/programmes/${programme.programmeId}/selection`, { seed: 'national-2026' });
    expect(drawn.status).toBe(200);
    expect(drawn.body.poolSize).toBe(NATIONAL_POOL);
    expect(drawn.body.outcomes).toEqual({ selected: 16, reserved: 2, 'not-selected': NATIONAL_POOL - 18 });

    const ofProgramme = (data: { programmeId: string }) => data.programmeId === programme.programmeId;
    await harness.waitForEvents<SelectionDrawn>('SelectionDrawn', ofProgramme);
    const notSelected = await harness.waitForEvents('ParticipantNotSelected', ofProgramme, NATIONAL_POOL - 18);
    const notSelectedRows = await harness.query<{ enrollment_id: string }>(
      `SELECT enrollment_id FROM selection_entries WHERE programme_id = $1 AND outcome = 'not-selected'`,
      [programme.programmeId],
    );
    const notSelectedIds = notSelectedRows.map((row) => row.enrollment_id);
    expect(new Set(notSelected.map((event) => event.subject))).toEqual(new Set(notSelectedIds));
    await harness.waitForEvents('ParticipantSelected', ofProgramme, 16);
    await harness.waitForEvents('ParticipantReserved', ofProgramme, 2);
  }, 110_000);
});
