import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  BatchConfirmed,
  batchConfirmedEvent,
  batchFillChangedEvent,
  BatchPlanned,
  batchPlannedEvent,
  batchPlanningFailedEvent,
  ClassView,
  EventEnvelope,
  InstructorLoad,
  notificationDeliveredEvent,
  notificationFailedEvent,
  Page,
  Principal,
  ProvinceFigures,
} from '@sinergi/contracts';
import { testAuthorization, waitFor } from '@sinergi/testing';
import { ExportConnections } from '../src/csv/export-connections';
import { GatewayWithIssuerHarness } from './gateway-test-env';

const programmeId = randomUUID();
const instructorIds = [randomUUID(), randomUUID()];
const kemnakerAdmin: Principal = { subject: 'kemnaker-admin', roles: ['kemnaker-admin'], venueCodes: [] };
const umkmAdmin: Principal = { subject: 'umkm-admin', roles: ['kemenumkm-admin'], venueCodes: [] };
const venueOperator: Principal = { subject: 'operator-bdg', roles: ['venue-operator'], venueCodes: ['BLK-BDG'] };
const viewer: Principal = { subject: 'viewer', roles: ['viewer'], venueCodes: [] };
const BOM = [0xef, 0xbb, 0xbf];

/** More classes than a page holds (50), so that an export that gave only a page would be caught. */
const CLASS_COUNT = 63;

function planned(index: number): BatchPlanned {
  const bandung = index % 3 !== 0;
  return {
    batchId: randomUUID(),
    programmeId,
    moduleCode: index % 2 === 0 ? 'KWU-DASAR' : 'KWU-LANJUT',
    provinceCode: bandung ? '32' : '33',
    venueCode: bandung ? 'BLK-BDG' : 'BLK-SMG',
    startDate: `2027-0${3 + (index % 2)}-0${2 + (index % 5)}`,
    endDate: `2027-0${3 + (index % 2)}-1${index % 5}`,
    seats: 20,
    reserves: 4,
    minimumQuorum: 8,
    confirmBy: '2027-02-20',
    replyBy: '2027-02-01T00:00:00.000Z',
  };
}

function confirmedOf(batch: BatchPlanned, index: number): BatchConfirmed {
  const { replyBy: _replyBy, ...facts } = batch;
  return { ...facts, roomCode: `R${index % 4}`, instructorId: instructorIds[index % 2] };
}

/** A class as the CSV must show it, written out here field by field (null: an empty cell). */
function classCells(item: ClassView): string[] {
  const { fill } = item;
  return [
    item.batchId,
    item.programmeId,
    item.provinceCode,
    item.moduleCode,
    item.venueCode,
    item.roomCode,
    item.instructorId,
    item.startDate,
    item.endDate,
    item.status,
    fill.seats,
    fill.reserves,
    fill.minimumQuorum,
    fill.selected,
    fill.confirmed,
    fill.reserved,
    fill.quorumMet,
  ].map((value) => (value === null ? '' : String(value)));
}

interface CsvAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  header: string[];
  rows: string[][];
}

describe('gateway CSV exports of the dashboards and the audit log (real Kafka, real PostgreSQL)', () => {
  let gateway: GatewayWithIssuerHarness;
  const classes = Array.from({ length: CLASS_COUNT }, (_, index) => planned(index));

  const csv = async (path: string, as: Principal = kemnakerAdmin, headers: Record<string, string> = {}): Promise<CsvAnswer> => {
    const url = `${gateway.service.url}/api/v1${path}`;
    const response = await fetch(url, { headers: { ...(await testAuthorization(url, as)), ...headers } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return { status: response.status, headers: response.headers, bytes, header: [], rows: [] };
    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    return { status: response.status, headers: response.headers, bytes, header, rows };
  };
  const json = async <T>(path: string, as: Principal = kemnakerAdmin): Promise<T> => {
    const response = await gateway.request<T>('GET', `/api/v1${path}`, undefined, {}, as);
    expect([path, response.status]).toEqual([path, 200]);
    return response.body;
  };
  /** Every item of a paged JSON list, page after page. */
  const allPages = async <T>(path: string, as: Principal = kemnakerAdmin): Promise<T[]> => {
    const items: T[] = [];
    let next: string | undefined;
    do {
      const page = await json<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}limit=20${next ? `&cursor=${next}` : ''}`, as);
      items.push(...page.items);
      next = page.next;
    } while (next);
    return items;
  };
  const handled = (envelopes: EventEnvelope[]) =>
    waitFor(`${envelopes.length} events handled`, async () => {
      const rows = await gateway.query<{ count: string }>(`SELECT count(*) FROM inbox WHERE event_id = ANY($1) AND outcome = 'handled'`, [
        envelopes.map((envelope) => envelope.id),
      ]);
      return Number(rows[0].count) === envelopes.length;
    });

  beforeAll(async () => {
    gateway = await GatewayWithIssuerHarness.start();
    const failed = classes[CLASS_COUNT - 1];
    await handled([
      ...(await gateway.publish(
        ...classes.map((batch) => batchPlannedEvent.with(batch.batchId, batch)),
        ...classes.slice(0, 40).map((batch, index) => batchConfirmedEvent.with(batch.batchId, confirmedOf(batch, index))),
        batchPlanningFailedEvent.with(failed.batchId, {
          batchId: failed.batchId,
          programmeId,
          failedStep: 'venue',
          reason: 'no room free',
        }),
        ...classes.slice(0, 30).map((batch, index) =>
          batchFillChangedEvent.with(batch.batchId, {
            batchId: batch.batchId,
            programmeId,
            seats: batch.seats,
            reserves: batch.reserves,
            minimumQuorum: batch.minimumQuorum,
            selected: index % 20,
            confirmed: index % 10,
            reserved: index % 3,
            quorumMet: index % 10 >= batch.minimumQuorum,
          }),
        ),
      )),
      ...(await gateway.publish(
        ...['email', 'sms', 'sms'].map((channel) => {
          const deliveryId = randomUUID();
          const delivery = {
            deliveryId,
            eventId: randomUUID(),
            recipientKind: 'participant' as const,
            recipientId: randomUUID(),
            template: 'batch-confirmed',
            attempts: 1,
          };
          return channel === 'email'
            ? notificationFailedEvent.with(deliveryId, { ...delivery, channel, reason: 'mailbox full' })
            : notificationDeliveredEvent.with(deliveryId, { ...delivery, channel: 'sms', deliveredAt: '2027-02-21T01:00:00.000Z' });
        }),
      )),
    ]);
  });

  afterAll(async () => {
    await gateway?.destroy();
  });

  it('exports every class, not a page, as UTF-8 with a BOM, named by table and date, rows equal to the JSON list', async () => {
    const answer = await csv(`/dashboard/classes.csv?programmeId=${programmeId}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="classes-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...answer.bytes.subarray(0, 3)]).toEqual(BOM);
    const listed = await allPages<ClassView>(`/dashboard/classes?programmeId=${programmeId}`);
    expect(listed).toHaveLength(CLASS_COUNT);
    expect(answer.rows).toEqual(listed.map(classCells));
    expect(answer.rows.filter((row) => row[9] === 'confirmed')).toHaveLength(40);
  });

  it('heads the columns in Bahasa Indonesia by default, in English by ?lang=en or Accept-Language, and refuses another lang', async () => {
    const path = `/dashboard/classes.csv?programmeId=${programmeId}&status=failed`;
    const indonesian = await csv(path);
    expect(indonesian.header.slice(0, 3)).toEqual(['ID kelas', 'ID program', 'Kode provinsi']);
    expect(indonesian.header.at(-1)).toBe('Kuorum tercapai');
    expect(indonesian.rows.map((row) => row[0])).toEqual([classes[CLASS_COUNT - 1].batchId]);
    const english = await csv(`${path}&lang=en`);
    expect(english.header.slice(0, 3)).toEqual(['Class ID', 'Programme ID', 'Province code']);
    expect(english.rows).toEqual(indonesian.rows);
    expect((await csv(path, kemnakerAdmin, { 'accept-language': 'en-US,en;q=0.9' })).header[0]).toBe('Class ID');
    expect((await csv(path, kemnakerAdmin, { 'accept-language': 'id-ID,en;q=0.5' })).header[0]).toBe('ID kelas');
    expect((await csv(`${path}&lang=en`, kemnakerAdmin, { 'accept-language': 'id' })).header[0]).toBe('Class ID');

    const refused = await csv(`${path}&lang=fr`);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.bytes.toString()).errors).toEqual([expect.objectContaining({ field: 'lang' })]);
    expect((await csv(`/dashboard/classes.csv?limit=5`)).status).toBe(400);
  });

  it("keeps each role's reach: a venue operator exports its own venues' classes only, a viewer what its JSON shows", async () => {
    const own = await csv(`/dashboard/classes.csv?programmeId=${programmeId}`, venueOperator);
    expect(own.rows).toEqual((await allPages<ClassView>(`/dashboard/classes?programmeId=${programmeId}`, venueOperator)).map(classCells));
    expect(new Set(own.rows.map((row) => row[4]))).toEqual(new Set(['BLK-BDG']));
    const masked = await csv(`/dashboard/classes.csv?programmeId=${programmeId}`, viewer);
    expect(masked.rows).toEqual((await allPages<ClassView>(`/dashboard/classes?programmeId=${programmeId}`, viewer)).map(classCells));

    expect((await csv('/dashboard/venues/BLK-SMG/utilisation.csv?from=2027-03-01&to=2027-03-31', venueOperator)).status).toBe(403);
    expect((await csv(`/dashboard/programmes/${programmeId}/provinces.csv`, venueOperator)).status).toBe(403);
    expect((await csv('/dashboard/dead-letters.csv', viewer)).status).toBe(403);
    const anonymous = await fetch(`${gateway.service.url}/api/v1/dashboard/classes.csv`);
    expect(anonymous.status).toBe(401);
  });

  it('exports the provinces, a venue by day, the instructor load, notifications and dead letters as their JSON shows them', async () => {
    const provinces = await csv(`/dashboard/programmes/${programmeId}/provinces.csv?lang=en`);
    expect(provinces.header).toEqual([
      'Province code',
      'Classes planned',
      'Classes confirmed',
      'Classes failed',
      'Classes cancelled',
      'Classes running',
      'Classes completed',
      'Classes closed',
      'Seats',
      'Selected',
      'Confirmed',
      'Reserve participants',
      'Classes under quorum',
      'Under quorum before confirm-by',
    ]);
    const figures = await json<ProvinceFigures[]>(`/dashboard/programmes/${programmeId}/provinces`);
    expect(provinces.rows).toEqual(
      figures.map((row) =>
        [
          row.provinceCode,
          ...Object.values(row.classesByStatus),
          row.seats,
          row.selected,
          row.confirmed,
          row.reserves,
          row.underQuorumClasses,
          row.underQuorumBeforeConfirmBy,
        ].map(String),
      ),
    );

    const days = await csv('/dashboard/venues/BLK-BDG/utilisation.csv?from=2027-03-01&to=2027-04-30', venueOperator);
    expect(days.headers.get('content-disposition')).toMatch(/filename="venue-utilisation-/);
    const byDay = await json<Array<{ day: string; classes: number; rooms: string[] }>>(
      '/dashboard/venues/BLK-BDG/utilisation?from=2027-03-01&to=2027-04-30',
      venueOperator,
    );
    expect(days.rows).toEqual(byDay.map((day) => [day.day, String(day.classes), day.rooms.join(' ')]));
    expect(days.rows.some((row) => row[2].includes(' '))).toBe(true);

    const load = await csv('/dashboard/instructors/load.csv');
    const loadItems = await allPages<InstructorLoad>('/dashboard/instructors/load');
    expect(load.rows).toEqual(loadItems.map((item) => [item.month, item.instructorId, String(item.classes)]));
    expect(load.rows.length).toBeGreaterThan(0);

    const notifications = await csv('/dashboard/notifications.csv', viewer);
    expect(notifications.rows).toEqual([
      ['email', '0', '1'],
      ['sms', '2', '0'],
    ]);
    const deadLetters = await csv('/dashboard/dead-letters.csv');
    const counts = await json<Array<{ topic: string; deadLetters: number; countedAt: string }>>('/dashboard/dead-letters');
    expect(deadLetters.rows).toEqual(counts.map((count) => [count.topic, String(count.deadLetters), count.countedAt]));
  });

  it('closes the cursor and gives its connection back when the reader stops early, and on a failed query', async () => {
    const exports = gateway.service.app.get(ExportConnections);
    const sql = 'SELECT n FROM generate_series(1, 5000000) AS n';
    let read = 0;
    for await (const _row of exports.rows(sql, [])) if ((read += 1) === 10) break;
    expect([read, exports.busy]).toEqual([10, 0]);
    const running = () =>
      gateway.query(`SELECT state FROM pg_stat_activity WHERE datname = current_database() AND query = $1 AND state <> 'idle'`, [sql]);
    await waitFor('the cursor closed', async () => (await running()).length === 0);

    const failing = exports.rows('SELECT 1 / (n - 3) FROM generate_series(1, 5) AS n', []);
    await expect(
      (async () => {
        for await (const _row of failing);
      })(),
    ).rejects.toThrow(/division by zero/);
    expect(exports.busy).toBe(0);
  });

  it('keeps slow exports to connections of their own: the API goes on, a fifth export waits for a free one', async () => {
    const exports = gateway.service.app.get(ExportConnections);
    const slow = Array.from({ length: 4 }, () => exports.rows<{ n: number }>('SELECT n FROM generate_series(1, 100000) AS n', []));
    await Promise.all(slow.map((reader) => reader.next()));
    expect(exports.busy).toBe(4);
    expect(
      (await gateway.request('GET', `/api/v1/dashboard/classes?programmeId=${programmeId}&limit=1`, undefined, {}, kemnakerAdmin)).status,
    ).toBe(200);

    const fifth = exports.rows<{ n: number }>('SELECT 1 AS n', []);
    let fifthRow: unknown;
    const waiting = fifth.next().then((row) => (fifthRow = row.value));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fifthRow).toBeUndefined();
    await slow[0].return(undefined);
    await waiting;
    expect(fifthRow).toEqual({ n: 1 });
    await Promise.all([fifth, ...slow.slice(1)].map((reader) => reader.return(undefined)));
    expect(exports.busy).toBe(0);
  });

  it('exports every audit entry the filters select, newest first, equal to the JSON list, for Kemnaker admins only', async () => {
    // Audited requests of one actor: its refused reads of the audit log (personal-data-read) and of a participant.
    const actor: Principal = { subject: `auditee-${randomUUID()}`, roles: ['viewer'], venueCodes: [] };
    for (let call = 0; call < 3; call += 1) await gateway.request('GET', '/api/v1/audit', undefined, {}, actor);
    await gateway.request('GET', '/api/v1/audit.csv', undefined, {}, actor).catch(() => undefined);
    await waitFor('the entries written', async () => {
      const [row] = await gateway.query<{ count: string }>('SELECT count(*) FROM audit_entries WHERE actor_subject = $1', [actor.subject]);
      return Number(row.count) === 4;
    });

    const answer = await csv(`/audit.csv?actor=${actor.subject}&lang=en`);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...answer.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(answer.header).toEqual([
      'ID',
      'Occurred at',
      'Actor subject',
      'Actor roles',
      'Client address',
      'Operation',
      'Kind',
      'Record type',
      'Record ID',
      'Outcome (HTTP status)',
      'Correlation ID',
    ]);
    const entries = await allPages<{
      id: string;
      occurredAt: string;
      actor: { subject: string; roles: string[]; clientAddress: string | null };
      operation: string;
      kind: string;
      record: { type: string; id: string } | null;
      outcome: number;
      correlationId: string | null;
    }>(`/audit?actor=${actor.subject}`);
    expect(entries).toHaveLength(4);
    expect(answer.rows).toEqual(
      entries.map((entry) => [
        entry.id,
        entry.occurredAt,
        entry.actor.subject,
        entry.actor.roles.join(' '),
        entry.actor.clientAddress ?? '',
        entry.operation,
        entry.kind,
        entry.record?.type ?? '',
        entry.record?.id ?? '',
        String(entry.outcome),
        entry.correlationId ?? '',
      ]),
    );
    expect(answer.rows.map((row) => row[5])).toEqual(['audit.list-csv', 'audit.list', 'audit.list', 'audit.list']);
    expect((await csv(`/audit.csv?actor=${actor.subject}`)).header[1]).toBe('Waktu');

    expect((await csv('/audit.csv', umkmAdmin)).status).toBe(403);
    const badRange = await csv('/audit.csv?from=2027-03-02&to=2027-03-01');
    expect([badRange.status, JSON.parse(badRange.bytes.toString()).errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'to', rule: 'not-before-from' })],
    ]);
  });
});
