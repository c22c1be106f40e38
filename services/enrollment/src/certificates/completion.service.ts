import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BatchLifecycleStep,
  certificateIssuedEvent,
  NewEvent,
  participantCompletedEvent,
  participationLetterIssuedEvent,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Batch } from '../classes/batch.entity';
import { EnrollmentConfig } from '../enrollment.config';
import { lockClasses } from '../enrollments/class-locks';
import { completes } from '../attendance/attendance.rules';
import { seatedIn } from '../attendance/attendance.service';
import { Certificate } from './certificate.entity';
import { documentNumber, newVerificationCode, verificationUrlOf } from './certificate.rules';

/**
 * A completed class (BatchCompleted): each seated participant who attended at least COMPLETION_MIN_ATTENDANCE_PERCENT
 * of the class's days completes and gets a certificate; one who attended fewer days, but at least one, a participation
 * letter; one who never came, nothing. Runs once per class under its row lock: the class becomes completed, and the
 * certificates' primary key (the enrollment) stops any second document whatever is redelivered.
 */
@Injectable()
export class Completion {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: EnrollmentConfig,
  ) {}

  async complete(manager: EntityManager, step: BatchLifecycleStep): Promise<void> {
    const [batch] = await lockClasses(manager, { id: step.batchId });
    if (!batch || (batch.status !== 'confirmed' && batch.status !== 'running')) return;
    await manager.update(Batch, { id: batch.id }, { status: 'completed' });
    const classDays = batch.classDates.length;
    const attended = await attendedDaysIn(manager, batch);
    const issuedAt = new Date();
    const sequence = { certificate: 0, letter: 0 };
    const events: NewEvent[] = [];
    for (const enrollment of await seatedIn(manager, batch.id)) {
      const attendedDays = attended.get(enrollment.id) ?? 0;
      if (attendedDays === 0) continue;
      const kind = completes(attendedDays, classDays, this.config.COMPLETION_MIN_ATTENDANCE_PERCENT) ? 'certificate' : 'letter';
      sequence[kind] += 1;
      const document: Certificate = {
        enrollmentId: enrollment.id,
        kind,
        number: documentNumber(kind, batch.id, batch.endDate, sequence[kind]),
        // A clash of two random codes (1 in 10^15) fails the unique index and the whole message is retried with new codes.
        verificationCode: newVerificationCode(),
        batchId: batch.id,
        participantId: enrollment.participantId,
        programmeId: enrollment.programmeId,
        attendedDays,
        classDays,
        issuedAt,
      };
      if (!(await issueOnce(manager, document))) continue;
      const who = {
        enrollmentId: enrollment.id,
        participantId: enrollment.participantId,
        programmeId: enrollment.programmeId,
        batchId: batch.id,
      };
      const code = document.verificationCode as string;
      if (kind === 'letter') {
        events.push(
          participationLetterIssuedEvent.with(enrollment.id, {
            ...who,
            letterNumber: document.number,
            attendedDays,
            classDays,
            issuedAt: issuedAt.toISOString(),
            verificationCode: code,
            verificationUrl: verificationUrlOf(this.config.PORTAL_PUBLIC_URL, code),
          }),
        );
        continue;
      }
      events.push(
        participantCompletedEvent.with(enrollment.id, { ...who, attendedDays, classDays }),
        certificateIssuedEvent.with(enrollment.id, {
          ...who,
          certificateNumber: document.number,
          verificationCode: code,
          verificationUrl: verificationUrlOf(this.config.PORTAL_PUBLIC_URL, code),
          issuedAt: issuedAt.toISOString(),
        }),
      );
    }
    await this.outbox.append(manager, ...events);
  }
}

/** Days each enrollment was present, counting only the class's own teaching days. */
async function attendedDaysIn(manager: EntityManager, batch: Batch): Promise<Map<string, number>> {
  const rows: Array<{ enrollmentId: string; days: number }> = await manager.query(
    `SELECT enrollment_id AS "enrollmentId", count(*)::int AS days FROM attendance
      WHERE batch_id = $1 AND present AND day = ANY($2::date[]) GROUP BY enrollment_id`,
    [batch.id, batch.classDates],
  );
  return new Map(rows.map((row) => [row.enrollmentId, row.days]));
}

/** Stores the document unless the enrollment already has one; whether it was stored. */
async function issueOnce(manager: EntityManager, document: Certificate): Promise<boolean> {
  const stored: unknown[] = await manager.query(
    `INSERT INTO certificates (enrollment_id, kind, number, verification_code, batch_id, participant_id, programme_id, attended_days, class_days, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (enrollment_id) DO NOTHING RETURNING enrollment_id`,
    [
      document.enrollmentId,
      document.kind,
      document.number,
      document.verificationCode,
      document.batchId,
      document.participantId,
      document.programmeId,
      document.attendedDays,
      document.classDays,
      document.issuedAt,
    ],
  );
  return stored.length === 1;
}
