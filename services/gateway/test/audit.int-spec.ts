import { Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { AuditEntryView, Page, Principal, Problem } from '@sinergi/contracts';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';
import { waitFor } from '@sinergi/testing';
import { AuditLog } from '../src/audit';
import { gatewayService } from '../src/gateway.service-definition';
import { GatewayWithIssuerHarness } from './gateway-test-env';

const KEMNAKER_ADMIN: Principal = { subject: 'admin-kemnaker-1', roles: ['kemnaker-admin'], venueCodes: [] };
const VIEWER: Principal = { subject: 'viewer-1', roles: ['viewer'], venueCodes: [] };
const PARTICIPANT: Principal = { subject: 'participant-2', roles: ['participant'], venueCodes: [], participantId: 'P-2' };

/** Routes of this spec only: they stand for the API routes that read personal data and run admin commands. */
@Controller('spec')
class SpecRoutesController {
  @Get('participants/:participantId')
  @Operation('participants.get')
  participant(@Param('participantId') participantId: string, @CurrentCaller() caller: Caller) {
    caller.assertReaches({ participantId }, 'participantId');
    return { participantId, name: 'Siti Rahayu', nik: '3201014501900001', phone: '+6281234567890' };
  }

  @Post('batches/:batchId/cancel')
  @HttpCode(200)
  @Operation('batches.cancel')
  cancel(@Param('batchId') batchId: string) {
    return { batchId, status: 'cancelled' };
  }

  @Post('batches/:batchId/close')
  @Operation('batches.close')
  close(): never {
    throw new Error('the service behind the gateway failed');
  }

  @Get('batches/:id')
  @Operation('batches.get')
  batch(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [SpecRoutesController] })
class SpecRoutesModule {}

const definition = { ...gatewayService, modules: [...gatewayService.modules, SpecRoutesModule] };

class GatewayHarness extends GatewayWithIssuerHarness {
  audit(query = '', as: Principal = KEMNAKER_ADMIN) {
    return this.request<Page<AuditEntryView>>('GET', `/api/v1/audit${query}`, undefined, {}, as);
  }

  /** The entries about one record, once `count` of them are written (entries are written after the answer is sent). */
  entriesAbout(recordId: string, count = 1): Promise<AuditEntryView[]> {
    return waitFor(`${count} audit entries about ${recordId}`, async () => {
      const { body } = await this.audit(`?recordId=${encodeURIComponent(recordId)}`);
      return body.items.length >= count && body.items;
    });
  }
}

describe('gateway: the audit log (real Kafka, real PostgreSQL)', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.start(definition);
  });

  afterAll(async () => {
    await gateway?.destroy();
  });

  it('records a read of personal data: who, which record, when, the outcome and the correlation id, and no value read', async () => {
    const read = await gateway.request('GET', '/spec/participants/P-1', undefined, { 'x-correlation-id': 'corr-read-P-1' }, KEMNAKER_ADMIN);
    expect(read.status).toBe(200);
    const [entry] = await gateway.entriesAbout('P-1');
    expect(entry).toEqual({
      id: expect.any(String),
      occurredAt: expect.any(String),
      actor: { subject: 'admin-kemnaker-1', roles: ['kemnaker-admin'], clientAddress: expect.stringMatching(/127\.0\.0\.1/) },
      operation: 'participants.get',
      kind: 'personal-data-read',
      record: { type: 'participant', id: 'P-1' },
      outcome: 200,
      correlationId: 'corr-read-P-1',
    });
    const stored = await gateway.query<{ row: string }>('SELECT row_to_json(entry)::text AS row FROM audit_entries entry');
    expect(stored.map(({ row }) => row).filter((row) => /Siti|3201014501900001|6281234567890/.test(row))).toEqual([]);
  });

  it("records a read the route refused (403, another's record) with the caller who was refused, once", async () => {
    const refused = await gateway.request('GET', '/spec/participants/P-3', undefined, {}, PARTICIPANT);
    expect(refused.status).toBe(403);
    const [entry] = await gateway.entriesAbout('P-3');
    expect(entry).toEqual(
      expect.objectContaining({ actor: expect.objectContaining({ subject: 'participant-2', roles: ['participant'] }), kind: 'personal-data-read', outcome: 403 }),
    );
    expect(await gateway.query("SELECT count(*)::int AS count FROM audit_entries WHERE record_id = 'P-3'")).toEqual([{ count: 1 }]);
  });

  it('records an anonymous read of a participant that the access guard refused (401): no subject, the client address, the record', async () => {
    const refused = await gateway.request('GET', '/api/v1/participants/P-anonymous', undefined, { 'x-correlation-id': 'corr-anonymous' }, null);
    expect(refused.status).toBe(401);
    const [entry] = await gateway.entriesAbout('P-anonymous');
    expect(entry).toEqual({
      id: expect.any(String),
      occurredAt: expect.any(String),
      actor: { subject: null, roles: [], clientAddress: expect.stringMatching(/127\.0\.0\.1/) },
      operation: 'participants.get',
      kind: 'personal-data-read',
      record: { type: 'participant', id: 'P-anonymous' },
      outcome: 401,
      correlationId: 'corr-anonymous',
    });
    const forged = await gateway.request('GET', '/api/v1/participants/P-anonymous', undefined, { authorization: 'Bearer not-a-token' }, null);
    expect(forged.status).toBe(401);
    expect((await gateway.entriesAbout('P-anonymous', 2)).map(({ outcome }) => outcome)).toEqual([401, 401]);
  });

  it('records an admin command of a role the access table does not admit (403), once, with the principal refused', async () => {
    const refused = await gateway.request('POST', '/api/v1/batches/B-viewer/cancel', { reason: 'x' }, {}, VIEWER);
    expect(refused.status).toBe(403);
    const [entry] = await gateway.entriesAbout('B-viewer');
    expect(entry).toEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ subject: 'viewer-1', roles: ['viewer'] }),
        operation: 'batches.cancel',
        kind: 'admin-command',
        record: { type: 'batch', id: 'B-viewer' },
        outcome: 403,
      }),
    );
    expect(await gateway.query("SELECT count(*)::int AS count FROM audit_entries WHERE record_id = 'B-viewer'")).toEqual([{ count: 1 }]);
  });

  it('records admin commands, those that fail too, and not reads without personal data', async () => {
    expect((await gateway.request('GET', '/spec/batches/B-unaudited', undefined, {}, KEMNAKER_ADMIN)).status).toBe(200);
    expect((await gateway.request('POST', '/spec/batches/B-1/cancel', undefined, {}, KEMNAKER_ADMIN)).status).toBe(200);
    expect((await gateway.request('POST', '/spec/batches/B-1/close', undefined, {}, KEMNAKER_ADMIN)).status).toBe(500);
    const entries = await gateway.entriesAbout('B-1', 2);
    expect(entries.map(({ operation, kind, record, outcome }) => ({ operation, kind, record, outcome }))).toEqual([
      { operation: 'batches.close', kind: 'admin-command', record: { type: 'batch', id: 'B-1' }, outcome: 500 },
      { operation: 'batches.cancel', kind: 'admin-command', record: { type: 'batch', id: 'B-1' }, outcome: 200 },
    ]);
    expect((await gateway.audit('?recordId=B-unaudited')).body.items).toEqual([]);
  });

  it('records reads of the audit log itself, and opens it to Kemnaker admins only', async () => {
    expect((await gateway.audit('?actor=nobody', KEMNAKER_ADMIN)).status).toBe(200);
    const viewer = await gateway.audit('', VIEWER);
    expect(viewer.status).toBe(403);
    const reads = await waitFor('an audit entry of audit.list', async () => {
      const { body } = await gateway.audit('?operation=audit.list&actor=admin-kemnaker-1');
      return body.items.length > 0 && body.items;
    });
    expect(reads[reads.length - 1]).toEqual(expect.objectContaining({ kind: 'personal-data-read', record: null, outcome: 200 }));
    const refusals = await waitFor("the viewer's refused read of the audit log", async () => {
      const { body } = await gateway.audit('?operation=audit.list&actor=viewer-1');
      return body.items.length > 0 && body.items;
    });
    expect(refusals.map(({ outcome }) => outcome)).toEqual([403]);
  });

  it('pages newest first and filters by actor, operation, record type and time', async () => {
    for (const batch of ['B-page-1', 'B-page-2', 'B-page-3']) {
      await gateway.request('POST', `/spec/batches/${batch}/cancel`, undefined, {}, KEMNAKER_ADMIN);
      await gateway.entriesAbout(batch);
    }
    const query = '?operation=batches.cancel&recordType=batch&actor=admin-kemnaker-1&limit=2';
    const first = await gateway.audit(query);
    expect(first.body.items.map(({ record }) => record?.id)).toEqual(['B-page-3', 'B-page-2']);
    const second = await gateway.audit(`${query}&cursor=${first.body.next}`);
    expect(second.body.items.map(({ record }) => record?.id)).toEqual(['B-page-1', 'B-1']);

    const newest = first.body.items[0].occurredAt;
    const since = await gateway.audit(`?operation=batches.cancel&actor=admin-kemnaker-1&from=${encodeURIComponent(newest)}`);
    expect(since.body.items.map(({ record }) => record?.id)).toEqual(['B-page-3']);
    const before = await gateway.audit(`?operation=batches.cancel&actor=admin-kemnaker-1&to=${encodeURIComponent(newest)}`);
    expect(before.body.items.map(({ record }) => record?.id)).toEqual(['B-page-2', 'B-page-1', 'B-1']);
  });

  it('answers 400 naming the field for a date that is not ISO 8601, or a range that ends before it starts', async () => {
    const badFrom = await gateway.request<Problem>('GET', '/api/v1/audit?from=yesterday', undefined, {}, KEMNAKER_ADMIN);
    expect([badFrom.status, badFrom.body.errors?.map(({ field }) => field)]).toEqual([400, ['from']]);
    const badTo = await gateway.request<Problem>('GET', '/api/v1/audit?to=2026-13-01', undefined, {}, KEMNAKER_ADMIN);
    expect([badTo.status, badTo.body.errors?.map(({ field }) => field)]).toEqual([400, ['to']]);
    const reversed = await gateway.request<Problem>('GET', '/api/v1/audit?from=2026-12-02&to=2026-12-01', undefined, {}, KEMNAKER_ADMIN);
    expect([reversed.status, reversed.body.errors?.map(({ field, rule }) => `${field}/${rule}`)]).toEqual([400, ['to/not-before-from']]);
  });

  it('refuses to change or remove an entry, even in raw SQL', async () => {
    await gateway.entriesAbout('P-1');
    await expect(gateway.query("UPDATE audit_entries SET actor_subject = 'someone-else' WHERE record_id = 'P-1'")).rejects.toThrow(/append-only/);
    await expect(gateway.query("DELETE FROM audit_entries WHERE record_id = 'P-1'")).rejects.toThrow(/append-only/);
    await expect(gateway.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    expect(await gateway.query("SELECT actor_subject FROM audit_entries WHERE record_id = 'P-1'")).toEqual([{ actor_subject: 'admin-kemnaker-1' }]);
  });

  it('answers the request when the entry cannot be written, and counts the entry it lost', async () => {
    const auditLog = gateway.service.app.get(AuditLog);
    const lostBefore = auditLog.unwrittenEntries;
    await gateway.query('ALTER TABLE audit_entries RENAME TO audit_entries_away');
    try {
      expect((await gateway.request('POST', '/spec/batches/B-lost/cancel', undefined, {}, KEMNAKER_ADMIN)).status).toBe(200);
      await waitFor('the lost entry to be counted', () => auditLog.unwrittenEntries === lostBefore + 1);
    } finally {
      await gateway.query('ALTER TABLE audit_entries_away RENAME TO audit_entries');
    }
  });
});
