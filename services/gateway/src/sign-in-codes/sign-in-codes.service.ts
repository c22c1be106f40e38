import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { seal, SealedSignInCode, SealKey, sealKeyFrom, signInCodeRequestedEvent } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { GatewayConfig } from '../gateway.config';
import { ParticipantSignIn } from '../identity/participant-sign-in';
import { EnrollmentLookup } from './enrollment-lookup.client';
import {
  CODE_LIFETIME_MS,
  isCodeShaped,
  MAX_WRONG_TRIES,
  newCode,
  REQUEST_LIMITS,
  REQUEST_WINDOW_MINUTES,
  RequestScope,
  signInIdentifierOf,
} from './sign-in-code.rules';

/** 429: too many code requests from this client address or for this identifier (said whether or not it is registered). */
export class SignInCodesRateLimited extends HttpException {
  constructor(field: 'clientAddress' | 'identifier') {
    super(
      { message: `too many sign-in code requests; try again in ${REQUEST_WINDOW_MINUTES} minutes`, errors: [{ field, rule: 'rate-limit' }] },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

interface LiveCode {
  id: string;
  participantId: string;
  codeDigest: Buffer;
  wrongTries: number;
}

/**
 * One-time sign-in codes: six digits, kept only as an HMAC, valid five minutes, once, for five wrong tries at most.
 * The code travels to notification sealed in SignInCodeRequested (the outbox, in the transaction that records it).
 */
@Injectable()
export class SignInCodes implements ParticipantSignIn {
  private readonly hmacKey: Buffer;
  private readonly sealKey: SealKey;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly enrollment: EnrollmentLookup,
    config: GatewayConfig,
  ) {
    this.hmacKey = Buffer.from(config.SIGN_IN_CODE_HMAC_KEY, 'base64');
    this.sealKey = sealKeyFrom(config.SIGN_IN_CODE_SEAL_KEY);
  }

  async requestCode(identifier: string, clientAddress: string): Promise<void> {
    const parsed = signInIdentifierOf(identifier);
    const identifierDigest = parsed ? this.digest('identifier', parsed.normalized) : this.digest('identifier', identifier);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.admit(manager, 'address', this.digest('address', clientAddress)))) throw new SignInCodesRateLimited('clientAddress');
      if (!(await this.admit(manager, 'identifier', identifierDigest))) throw new SignInCodesRateLimited('identifier');
    });
    if (!parsed) return;
    const participantId = await this.enrollment.participantOf(parsed.normalized);
    if (!participantId) return;
    await this.dataSource.transaction(async (manager) => {
      // Refused quietly: a 429 here would tell that the identifier belongs to someone who asked by another one.
      if (!(await this.admit(manager, 'participant', this.digest('participant', participantId)))) return;
      await manager.query(`UPDATE sign_in_codes SET spent_at = now() WHERE identifier_digest = $1 AND spent_at IS NULL`, [identifierDigest]);
      const id = randomUUID();
      const code = newCode();
      const expiresAt = new Date(Date.now() + CODE_LIFETIME_MS);
      await manager.query(
        `INSERT INTO sign_in_codes (id, participant_id, identifier_digest, code_digest, channel, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, participantId, identifierDigest, this.codeDigest(id, code), parsed.channel, expiresAt],
      );
      const sealed: SealedSignInCode = { code };
      await this.outbox.append(
        manager,
        signInCodeRequestedEvent.with(participantId, { participantId, channel: parsed.channel, code: seal(sealed, this.sealKey, participantId), expiresAt: expiresAt.toISOString() }),
      );
    });
  }

  /** Guessing is bounded per code (five wrong tries) and, through the codes it may try, per identifier and address. */
  async verifyCode(identifier: string, code: string, _clientAddress: string): Promise<{ participantId: string } | undefined> {
    const parsed = signInIdentifierOf(identifier);
    if (!parsed) return undefined;
    return this.dataSource.transaction(async (manager) => {
      const [live] = (await manager.query(
        `SELECT id, participant_id AS "participantId", code_digest AS "codeDigest", wrong_tries AS "wrongTries" FROM sign_in_codes
          WHERE identifier_digest = $1 AND spent_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [this.digest('identifier', parsed.normalized)],
      )) as LiveCode[];
      if (!live) return undefined;
      if (isCodeShaped(code) && timingSafeEqual(this.codeDigest(live.id, code), live.codeDigest)) {
        await manager.query('UPDATE sign_in_codes SET spent_at = now() WHERE id = $1', [live.id]);
        return { participantId: live.participantId };
      }
      await manager.query(
        `UPDATE sign_in_codes SET wrong_tries = wrong_tries + 1, spent_at = CASE WHEN wrong_tries + 1 >= $2 THEN now() END WHERE id = $1`,
        [live.id, MAX_WRONG_TRIES],
      );
      return undefined;
    });
  }

  /** Counts a request against one limit, under a lock on its subject so that concurrent requests count one by one. */
  private async admit(manager: EntityManager, scope: RequestScope, subjectDigest: Buffer): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || encode($2, 'hex'), 0))`, [scope, subjectDigest]);
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM sign_in_code_requests
        WHERE scope = $1 AND subject_digest = $2 AND requested_at > now() - make_interval(mins => $3)`,
      [scope, subjectDigest, REQUEST_WINDOW_MINUTES],
    )) as Array<{ count: number }>;
    if (count >= REQUEST_LIMITS[scope]) return false;
    await manager.query('INSERT INTO sign_in_code_requests (id, scope, subject_digest) VALUES ($1, $2, $3)', [randomUUID(), scope, subjectDigest]);
    return true;
  }

  private digest(scope: RequestScope, value: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(`${scope}:${value}`).digest();
  }

  private codeDigest(codeId: string, code: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(`code:${codeId}:${code}`).digest();
  }
}
