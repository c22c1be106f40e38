import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal, seal, SealedPayload, SealKey, sealKeyFrom, unseal } from '@sinergi/contracts';
import { Conflict, InvalidInput, Unprocessable } from '@sinergi/platform';
import type { ServiceAnswer } from '../clients/service-client';
import { GatewayConfig } from '../gateway.config';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const LIFETIME_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

interface StoredRow {
  request_hash: string;
  status: number | null;
  content_type: string | null;
  sealed_body: SealedPayload | null;
}

/** A claim just made (`claimed`), or the row already kept under the key. */
interface ClaimOutcome extends StoredRow {
  claimed: boolean;
}

/** What is sealed of a stored answer: its body, which may hold personal data (a registered participant's name, NIK, phone). */
interface SealedBody {
  body: string;
}

/**
 * Creating POSTs under an Idempotency-Key, per principal: the first request is forwarded and its answer kept
 * for 24 hours; a retry with the same key and request gets that answer without calling the service again.
 * Only successful answers are kept: a refused request created nothing, so a retry under the same key asks again.
 * The body is kept sealed (AES-256-GCM under IDEMPOTENCY_SEAL_KEY, bound to the principal and key).
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;
  private readonly sealKey: SealKey;

  constructor(@InjectDataSource() private readonly database: DataSource, config: GatewayConfig) {
    this.sealKey = sealKeyFrom(config.IDEMPOTENCY_SEAL_KEY);
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Deletes the records older than 24 hours. */
  async sweep(): Promise<number> {
    const [, deleted] = (await this.database.query('DELETE FROM idempotency_records WHERE expires_at <= now()')) as [unknown, number];
    return deleted;
  }

  async once(request: Request, principal: Principal | null, call: () => Promise<ServiceAnswer>): Promise<ServiceAnswer> {
    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return call();
    if (!KEY_SHAPE.test(key)) {
      throw new InvalidInput({ field: IDEMPOTENCY_HEADER, rule: 'format', message: 'must be 1-200 printable ASCII characters, e.g. a UUID' });
    }
    // An anonymous caller's key is shared with other anonymous callers; the stored answer is only given for the identical request.
    const subject = principal?.subject ?? 'anonymous';
    const requestHash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? {})}`).digest('hex');
    const outcome = await this.claim(subject, key, requestHash);
    if (!outcome?.claimed) return this.replay(outcome, subject, key, requestHash);
    let answer: ServiceAnswer;
    try {
      answer = await call();
    } catch (error) {
      await this.release(subject, key);
      throw error;
    }
    if (answer.status >= 200 && answer.status < 300) await this.keep(subject, key, answer);
    else await this.release(subject, key);
    return answer;
  }

  /**
   * One statement: inserts the claim (or takes over an expired row) and answers it as `claimed`, or answers the row
   * kept under the key. A row another request claimed at the same moment may not be visible to this statement: then
   * it answers no row.
   */
  private async claim(subject: string, key: string, requestHash: string): Promise<ClaimOutcome | undefined> {
    const [outcome] = (await this.database.query(
      `WITH claimed AS (
         INSERT INTO idempotency_records AS kept (subject, idempotency_key, request_hash, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject, idempotency_key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, status = NULL, content_type = NULL, sealed_body = NULL, expires_at = EXCLUDED.expires_at
           WHERE kept.expires_at <= now()
         RETURNING true AS claimed, request_hash, status, content_type, sealed_body
       )
       SELECT * FROM claimed
       UNION ALL
       SELECT false, request_hash, status, content_type, sealed_body FROM idempotency_records
        WHERE subject = $1 AND idempotency_key = $2 AND NOT EXISTS (SELECT FROM claimed)`,
      [subject, key, requestHash, new Date(Date.now() + LIFETIME_MS)],
    )) as ClaimOutcome[];
    return outcome;
  }

  private replay(row: StoredRow | undefined, subject: string, key: string, requestHash: string): ServiceAnswer {
    if (!row) throw new Conflict({ field: IDEMPOTENCY_HEADER, rule: 'in-progress', message: 'a request under this key was just being answered; retry it' });
    if (row.request_hash !== requestHash) {
      throw new Unprocessable({ field: IDEMPOTENCY_HEADER, rule: 'same-request', message: 'was already used for another request; use a new key for a new request' });
    }
    if (row.status === null) throw new Conflict({ field: IDEMPOTENCY_HEADER, rule: 'in-progress', message: 'the first request under this key is still being answered; retry it shortly' });
    const contentType = row.content_type ?? 'application/json';
    const body = row.sealed_body ? this.opened(row.sealed_body, subject, key) : '';
    return { status: row.status, contentType, body: body && /json/.test(contentType) ? JSON.parse(body) : body };
  }

  /** A stored answer sealed under a key since replaced cannot be given again; the request it answers was carried out, so it is not repeated either. */
  private opened(sealed: SealedPayload, subject: string, key: string): string {
    try {
      return unseal<SealedBody>(sealed, [this.sealKey], boundTo(subject, key)).body;
    } catch {
      throw new Conflict({
        field: IDEMPOTENCY_HEADER,
        rule: 'answer-unreadable',
        message: 'the request under this key was carried out, but its kept answer can no longer be read (the seal key changed); read the record it created instead of retrying',
      });
    }
  }

  private async keep(subject: string, key: string, answer: ServiceAnswer): Promise<void> {
    const body: SealedBody = { body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) };
    await this.database.query(
      'UPDATE idempotency_records SET status = $3, content_type = $4, sealed_body = $5 WHERE subject = $1 AND idempotency_key = $2',
      [subject, key, answer.status, answer.contentType, seal(body, this.sealKey, boundTo(subject, key))],
    );
  }

  private async release(subject: string, key: string): Promise<void> {
    await this.database.query('DELETE FROM idempotency_records WHERE subject = $1 AND idempotency_key = $2', [subject, key]);
  }
}

/** A sealed answer opens only in the row it was stored in. */
function boundTo(subject: string, key: string): string {
  return `idempotency:${subject}\n${key}`;
}
