import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Principal } from '@sinergi/contracts';
import { DomainError } from '@sinergi/platform';
import { createTestDatabase, TestDatabase, testSecrets } from '@sinergi/testing';
import type { ServiceAnswer } from '../src/clients/service-client';
import { GatewayConfig } from '../src/gateway.config';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';
import { CreateIdempotencyRecords1733100000050 } from '../src/migrations/1733100000050-create-idempotency-records';
import { SealIdempotencyAnswers1764700000200 } from '../src/migrations/1764700000200-seal-idempotency-answers';

const admin: Principal = { subject: 'admin-1', roles: ['kemnaker-admin'], venueCodes: [] };

/** A creating POST as express hands it to the store: its Idempotency-Key, path and body. */
function post(key: string, body: object): Request {
  return { method: 'POST', originalUrl: '/api/v1/programmes', body, header: (name: string) => (name.toLowerCase() === 'idempotency-key' ? key : undefined) } as unknown as Request;
}

/** The rule of the store's refusal, or what it answered. */
async function outcomeOf(answer: Promise<ServiceAnswer>): Promise<string | ServiceAnswer> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof DomainError) return error.errors[0].rule;
    throw error;
  }
}

describe('gateway: Idempotency-Key answers on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: IdempotencyStore;
  let keyNumber = 0;
  const freshKey = () => `key-${++keyNumber}`;
  const created = (id: string): ServiceAnswer => ({ status: 201, contentType: 'application/json', body: { id, name: 'Pelatihan Las' } });

  beforeAll(async () => {
    database = await createTestDatabase('gateway_idempotency');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateIdempotencyRecords1733100000050, SealIdempotencyAnswers1764700000200],
      extra: { max: 10 },
    }).initialize();
    await dataSource.runMigrations();
    store = new IdempotencyStore(dataSource, Object.assign(new GatewayConfig(), { IDEMPOTENCY_SEAL_KEY: testSecrets().IDEMPOTENCY_SEAL_KEY }));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('forwards one of the requests sent at once under one key; the others are told it is in progress', async () => {
    const key = freshKey();
    let calls = 0;
    const call = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return created('p-1');
    };
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => outcomeOf(store.once(post(key, { name: 'Pelatihan Las' }), admin, call))));
    expect(calls).toBe(1);
    expect(outcomes.filter((outcome) => typeof outcome === 'object')).toEqual([created('p-1')]);
    expect(outcomes.filter((outcome) => typeof outcome === 'string')).toEqual(Array(7).fill('in-progress'));
  });

  it('answers a retry with the kept answer without forwarding it, and refuses the key for another request', async () => {
    const key = freshKey();
    await store.once(post(key, { name: 'Pelatihan Las' }), admin, async () => created('p-2'));
    const forwarded = jest.fn(async () => created('p-other'));
    await expect(store.once(post(key, { name: 'Pelatihan Las' }), admin, forwarded)).resolves.toEqual(created('p-2'));
    expect(await outcomeOf(store.once(post(key, { name: 'Pelatihan Jahit' }), admin, forwarded))).toBe('same-request');
    expect(forwarded).not.toHaveBeenCalled();
  });

  it('keeps nothing of a refused answer, so that its retry is forwarded again', async () => {
    const key = freshKey();
    const refused: ServiceAnswer = { status: 422, contentType: 'application/problem+json', body: { title: 'no' } };
    await expect(store.once(post(key, { name: 'Pelatihan Las' }), admin, async () => refused)).resolves.toEqual(refused);
    await expect(store.once(post(key, { name: 'Pelatihan Las' }), admin, async () => created('p-3'))).resolves.toEqual(created('p-3'));
  });

  it('takes over a key whose answer has expired, for any request', async () => {
    const key = freshKey();
    await store.once(post(key, { name: 'Pelatihan Las' }), admin, async () => created('p-4'));
    await dataSource.query(`UPDATE idempotency_records SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`, [key]);
    await expect(store.once(post(key, { name: 'Pelatihan Jahit' }), admin, async () => created('p-5'))).resolves.toEqual(created('p-5'));
    await expect(store.once(post(key, { name: 'Pelatihan Jahit' }), admin, async () => created('p-other'))).resolves.toEqual(created('p-5'));
  });

  it('keeps the keys of each principal apart', async () => {
    const key = freshKey();
    await store.once(post(key, { name: 'Pelatihan Las' }), admin, async () => created('p-6'));
    await expect(store.once(post(key, { name: 'Pelatihan Las' }), { ...admin, subject: 'admin-2' }, async () => created('p-7'))).resolves.toEqual(created('p-7'));
  });
});
