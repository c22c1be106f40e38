import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exponentialBackoffMs } from '@sinergi/messaging';
import { PollingTimer } from '@sinergi/platform';
import { EnrollmentConfig } from '../enrollment.config';
import { Admission } from '../enrollments/admission.service';
import { NikVault } from '../participants/nik-vault.service';
import { Participant } from '../participants/participant.entity';
import { entityColumns } from '../sql-columns';
import { IdentityAnswer, IdentityCheckPort } from './identity-check.port';
import { withTimeout } from './identity-check.rules';

/** Checks at most this many participants at once per instance. */
const CLAIM_LIMIT = 50;
/** Claims again once this many checks are in flight or fewer, so that claims stay batched while the queue drains. */
const REFILL_AT = CLAIM_LIMIT / 2;
const TICK_MS = 200;

/** A claimed job with what the registry is asked. */
interface ClaimedCheck extends Pick<Participant, 'nikCiphertext' | 'fullName' | 'birthDate' | 'gender'> {
  participantId: string;
  attempts: number;
}

/**
 * Works through identity_checks without ever blocking a request: one statement claims due jobs (FOR UPDATE SKIP
 * LOCKED) by leasing them for twice the call timeout and reads what the registry is asked, the registry is called
 * outside any transaction, and each answer is recorded in a transaction of its own. A pass keeps up to CLAIM_LIMIT
 * checks in flight, claiming more as they finish, until no job is due. A process that dies mid-call leaves a lease that runs out, and
 * the job is claimed again; an unavailable registry is retried with exponential backoff.
 */
@Injectable()
export class IdentityCheckTimer extends PollingTimer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: IdentityCheckPort,
    private readonly vault: NikVault,
    private readonly admission: Admission,
    private readonly config: EnrollmentConfig,
  ) {
    super(TICK_MS);
  }

  async runOnce(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const wanted = CLAIM_LIMIT - inFlight.size;
      const claimed = await this.claim(wanted);
      for (const check of claimed) {
        const checking: Promise<void> = this.checkOne(check)
          .catch((error: Error) => this.logger.error(`identity check of participant ${check.participantId} failed; claimed again when its lease runs out: ${error.message}`))
          .finally(() => inFlight.delete(checking));
        inFlight.add(checking);
      }
      if (claimed.length < wanted) break;
      while (inFlight.size > REFILL_AT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async claim(limit: number): Promise<ClaimedCheck[]> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE identity_checks c SET attempts = c.attempts + 1, leased_until = now() + make_interval(secs => $1::double precision / 1000)
         FROM participants p
        WHERE p.id = c.participant_id AND c.participant_id IN (
          SELECT participant_id FROM identity_checks WHERE due_at <= now() AND (leased_until IS NULL OR leased_until < now())
           ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING c.participant_id AS "participantId", c.attempts, p.nik_ciphertext AS "nikCiphertext", p.full_name AS "fullName",
                  p.birth_date::text AS "birthDate", p.gender`,
      [2 * this.config.IDENTITY_CHECK_TIMEOUT_MS, limit],
    )) as [ClaimedCheck[], number];
    return claimed;
  }

  private async checkOne(check: ClaimedCheck): Promise<void> {
    const answer = await withTimeout(
      this.ask(check),
      this.config.IDENTITY_CHECK_TIMEOUT_MS,
      (): IdentityAnswer => ({ outcome: 'unavailable', reason: `no answer within ${this.config.IDENTITY_CHECK_TIMEOUT_MS} ms` }),
    );
    if (answer.outcome === 'unavailable') {
      const delay = exponentialBackoffMs(check.attempts, this.config.IDENTITY_CHECK_RETRY_BASE_MS, this.config.IDENTITY_CHECK_RETRY_MAX_MS);
      this.logger.warn(`identity check of participant ${check.participantId} (attempt ${check.attempts}) unavailable, retrying in ${delay} ms: ${answer.reason}`);
      await this.dataSource.query(
        `UPDATE identity_checks SET due_at = now() + make_interval(secs => $2::double precision / 1000), leased_until = NULL, last_error = $3
          WHERE participant_id = $1`,
        [check.participantId, delay, answer.reason],
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      // Another instance whose lease ran out may have recorded an answer already: then the job is gone, or the participant no longer pending.
      const [[checked]] = (await manager.query(
        `WITH done AS (DELETE FROM identity_checks WHERE participant_id = $1 RETURNING participant_id)
         UPDATE participants SET identity_status = $2, identity_checked_at = $3 FROM done
          WHERE participants.id = done.participant_id AND participants.identity_status = 'pending'
          RETURNING ${entityColumns(manager, Participant)}`,
        [check.participantId, answer.outcome === 'match' ? 'verified' : 'no-match', new Date()],
      )) as [Participant[], number];
      if (checked) await this.admission.resumeAfterIdentity(manager, checked);
    });
  }

  private async ask(check: ClaimedCheck): Promise<IdentityAnswer> {
    try {
      const nik = this.vault.open(check.nikCiphertext, check.participantId);
      return await this.registry.check({ nik, fullName: check.fullName, birthDate: check.birthDate, gender: check.gender });
    } catch (error) {
      return { outcome: 'unavailable', reason: `adapter failed: ${error instanceof Error ? error.constructor.name : 'unknown error'}` };
    }
  }
}
