import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exponentialBackoffMs } from '@sinergi/messaging';
import { PollingTimer } from '@sinergi/platform';
import { EnrollmentConfig } from '../enrollment.config';
import { Admission } from '../enrollments/admission.service';
import { NikVault } from '../participants/nik-vault.service';
import { Participant } from '../participants/participant.entity';
import { IdentityAnswer, IdentityCheckPort } from './identity-check.port';
import { withTimeout } from './identity-check.rules';

/** Checks at most this many participants at once per instance. */
const CLAIM_LIMIT = 50;
const TICK_MS = 200;

interface ClaimedCheck {
  participantId: string;
  attempts: number;
}

/**
 * Works through identity_checks without ever blocking a request: a short transaction claims due jobs (FOR UPDATE
 * SKIP LOCKED) by leasing them for twice the call timeout, the registry is called outside any transaction, and each
 * answer is recorded in a transaction of its own. A process that dies mid-call leaves a lease that runs out, and
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
    for (;;) {
      const claimed = await this.claim();
      await Promise.all(claimed.map((check) => this.checkOne(check)));
      if (claimed.length < CLAIM_LIMIT) return;
    }
  }

  private async claim(): Promise<ClaimedCheck[]> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE identity_checks SET attempts = attempts + 1, leased_until = now() + make_interval(secs => $1::double precision / 1000)
        WHERE participant_id IN (
          SELECT participant_id FROM identity_checks WHERE due_at <= now() AND (leased_until IS NULL OR leased_until < now())
           ORDER BY due_at LIMIT ${CLAIM_LIMIT} FOR UPDATE SKIP LOCKED)
        RETURNING participant_id AS "participantId", attempts`,
      [2 * this.config.IDENTITY_CHECK_TIMEOUT_MS],
    )) as [ClaimedCheck[], number];
    return claimed;
  }

  private async checkOne(check: ClaimedCheck): Promise<void> {
    const participant = await this.dataSource.getRepository(Participant).findOneByOrFail({ id: check.participantId });
    const answer = await withTimeout(
      this.ask(participant),
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
      const locked = await manager.findOne(Participant, { where: { id: check.participantId }, lock: { mode: 'pessimistic_write' } });
      const [, done] = (await manager.query('DELETE FROM identity_checks WHERE participant_id = $1', [check.participantId])) as [unknown, number];
      // Another instance whose lease ran out may have recorded an answer already.
      if (!locked || done === 0 || locked.identityStatus !== 'pending') return;
      const checked: Participant = { ...locked, identityStatus: answer.outcome === 'match' ? 'verified' : 'no-match', identityCheckedAt: new Date() };
      await manager.update(Participant, { id: checked.id }, { identityStatus: checked.identityStatus, identityCheckedAt: checked.identityCheckedAt });
      await this.admission.resumeAfterIdentity(manager, checked);
    });
  }

  private async ask(participant: Participant): Promise<IdentityAnswer> {
    try {
      const nik = this.vault.open(participant.nikCiphertext, participant.id);
      return await this.registry.check({ nik, fullName: participant.fullName, birthDate: participant.birthDate, gender: participant.gender });
    } catch (error) {
      return { outcome: 'unavailable', reason: `adapter failed: ${error instanceof Error ? error.constructor.name : 'unknown error'}` };
    }
  }
}
