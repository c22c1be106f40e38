import { Controller, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  MAX_NOMINATION_RECORDS,
  NewEvent,
  nominationBatchSchema,
  nominationBatchSubmittedEvent,
  NominationRecord,
  nominationRecordAcceptedEvent,
  nominationRecordRejectedEvent,
  nominationRecordSchema,
  RecordProblem,
  usableRecordRef,
} from '@sinergi/contracts';
import { InboxContext, OnEvent, Outbox, recordValidator } from '@sinergi/messaging';
import { refusalOf, withSavepoint } from '@sinergi/platform';
import { Admission } from '../enrollments/admission.service';
import { ParticipantsService } from '../participants/participants.service';
import { DUPLICATE_REF, recordRefOf, TOO_MANY_RECORDS } from './nomination.rules';

const checkBatch = recordValidator(nominationBatchSchema);
const checkRecord = recordValidator(nominationRecordSchema);
/**
 * Records per transaction: class rows stay locked for one chunk, not for the whole message, and a chunk's savepoints
 * (one per record) stay under PostgreSQL's 64 cached subtransactions, past which every session slows down.
 */
const CHUNK = 50;

interface Source {
  sourceEventId: string;
  institutionId: string;
  programmeId: string;
}

/**
 * KemenUMKM nominations: each record is registered (or matched by NIK) and enrolled with channel `nomination`, and
 * answered with NominationRecordAccepted or NominationRecordRejected (field and rule, never the value). Records are
 * handled in chunks of their own transactions; nomination_records remembers each handled (message, recordRef), so a
 * redelivered or half-handled message adds nothing twice, and a bad record never blocks the others.
 */
@Controller()
export class NominationsConsumer {
  private readonly logger = new Logger(NominationsConsumer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly participants: ParticipantsService,
    private readonly admission: Admission,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent(nominationBatchSubmittedEvent)
  async onNominationBatch(batch: unknown, context: InboxContext): Promise<void> {
    const { envelope } = context;
    const body = batch as { institutionId?: unknown; programmeId?: unknown; records?: unknown };
    // The records are checked one by one below: a bad record must not refuse the whole message.
    const batchProblems = checkBatch(Array.isArray(body.records) ? { ...body, records: [] } : batch);
    const institutionId = usableRecordRef(body.institutionId)?.slice(0, 100) ?? envelope.subject;
    if (batchProblems.length > 0) {
      await this.outbox.append(context.manager, rejected({ sourceEventId: envelope.id, institutionId, programmeId: '' }, envelope.id, batchProblems));
      return;
    }
    const { programmeId, records } = batch as { programmeId: string; records: unknown[] };
    const source: Source = { sourceEventId: envelope.id, institutionId, programmeId };
    const started = Date.now();
    const refs = records.map(recordRefOf);
    const seen = new Map<string, number>();
    for (const ref of refs) seen.set(ref, (seen.get(ref) ?? 0) + 1);
    for (let start = 0; start < records.length; start += CHUNK) {
      await this.dataSource.transaction(async (manager) => {
        const results: NewEvent[] = [];
        for (let index = start; index < Math.min(start + CHUNK, records.length); index += 1) {
          const problem = records.length > MAX_NOMINATION_RECORDS ? TOO_MANY_RECORDS : (seen.get(refs[index]) ?? 0) > 1 ? DUPLICATE_REF : undefined;
          const result = await this.handleRecord(manager, source, refs[index], records[index], problem);
          if (result) results.push(result);
        }
        await this.outbox.append(manager, ...results);
      });
      await context.heartbeat();
    }
    this.logger.log(`nomination message ${envelope.id}: ${records.length} records in ${Date.now() - started} ms`);
  }

  /**
   * One record, in a savepoint: anything it wrote is undone when it is rejected, for a domain rule or a database
   * error of its own (see refusalOf), and the other records of the chunk go on. Its result, unless handled before.
   */
  private async handleRecord(manager: EntityManager, source: Source, recordRef: string, record: unknown, problem?: RecordProblem): Promise<NewEvent | undefined> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO nomination_records (source_event_id, record_ref, institution_id, accepted) VALUES ($1, $2, $3, false)
       ON CONFLICT DO NOTHING RETURNING record_ref`,
      [source.sourceEventId, recordRef, source.institutionId],
    );
    if (claimed.length === 0) return undefined;
    const problems = problem ? [problem] : checkRecord(record);
    if (problems.length > 0) return rejected(source, recordRef, problems);
    try {
      const { participantId, enrollmentId } = await withSavepoint(manager, 'nomination_record', () => this.enroll(manager, source, record as NominationRecord));
      await manager.query(
        'UPDATE nomination_records SET accepted = true, participant_id = $3, enrollment_id = $4 WHERE source_event_id = $1 AND record_ref = $2',
        [source.sourceEventId, recordRef, participantId, enrollmentId],
      );
      return nominationRecordAcceptedEvent.with(source.institutionId, {
        sourceEventId: source.sourceEventId,
        institutionId: source.institutionId,
        recordRef,
        participantId,
        enrollmentId,
      });
    } catch (error) {
      const problems = refusalOf(error);
      if (!problems) throw error;
      return rejected(source, recordRef, problems);
    }
  }

  private async enroll(manager: EntityManager, source: Source, record: NominationRecord): Promise<{ participantId: string; enrollmentId: string }> {
    const participant = (await this.participants.findByNik(manager, record.nik)) ?? (await this.participants.registerIn(manager, record));
    const enrollment = await this.admission.submit(manager, {
      participantId: participant.id,
      programmeId: source.programmeId,
      batchId: record.batchId,
      channel: 'nomination',
      score: record.score,
    });
    return { participantId: participant.id, enrollmentId: enrollment.id };
  }
}

function rejected(source: Source, recordRef: string, problems: RecordProblem[]): NewEvent {
  return nominationRecordRejectedEvent.with(source.institutionId, {
    sourceEventId: source.sourceEventId,
    institutionId: source.institutionId,
    recordRef,
    problems,
  });
}
