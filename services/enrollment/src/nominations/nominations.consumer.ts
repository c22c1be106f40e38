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
import { Conflict, InvalidInput, refusalOf, withSavepoint } from '@sinergi/platform';
import { Admission } from '../enrollments/admission.service';
import { Participant } from '../participants/participant.entity';
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
      await this.outbox.append(
        context.manager,
        rejected({ sourceEventId: envelope.id, institutionId, programmeId: '' }, envelope.id, batchProblems),
      );
      return;
    }
    const { programmeId, records } = batch as { programmeId: string; records: unknown[] };
    const source: Source = { sourceEventId: envelope.id, institutionId, programmeId };
    const started = Date.now();
    const refs = records.map(recordRefOf);
    const seen = new Map<string, number>();
    for (const ref of refs) seen.set(ref, (seen.get(ref) ?? 0) + 1);
    const problemOf = (index: number) =>
      records.length > MAX_NOMINATION_RECORDS ? TOO_MANY_RECORDS : (seen.get(refs[index]) ?? 0) > 1 ? DUPLICATE_REF : undefined;
    for (let start = 0; start < records.length; start += CHUNK) {
      const chunk = records
        .slice(start, start + CHUNK)
        .map((record, offset) => ({ ref: refs[start + offset], record, problem: problemOf(start + offset) }));
      await this.dataSource.transaction((manager) => this.handleChunk(manager, source, chunk));
      await context.heartbeat();
    }
    this.logger.log(`nomination message ${envelope.id}: ${records.length} records in ${Date.now() - started} ms`);
  }

  /**
   * The chunk's records not handled before: each checked on its own, the good ones enrolled all at once when they
   * can be (see enrollAll), else one by one. Results are appended in the records' order.
   */
  private async handleChunk(
    manager: EntityManager,
    source: Source,
    chunk: Array<{ ref: string; record: unknown; problem?: RecordProblem }>,
  ): Promise<void> {
    const claimed = await claimRecords(
      manager,
      source,
      chunk.map((item) => item.ref),
    );
    const results = new Map<string, NewEvent | undefined>();
    const good: GoodRecord[] = [];
    // delete: a ref twice in the chunk is handled once, as its first record (the other's result would repeat it)
    for (const { ref, record, problem } of chunk.filter((item) => claimed.delete(item.ref))) {
      const problems = problem ? [problem] : checkRecord(record);
      results.set(ref, problems.length > 0 ? rejected(source, ref, problems) : undefined); // in the records' order
      if (problems.length === 0) good.push({ ref, record: record as NominationRecord });
    }
    const enrolled = await this.enrollAll(manager, source, good);
    const acceptedRecords: Array<Enrolled & { ref: string }> = [];
    for (const { ref, record } of good) {
      const result = enrolled.get(ref) ?? (await this.enrollOne(manager, source, record));
      if ('problems' in result) {
        results.set(ref, rejected(source, ref, result.problems));
      } else {
        results.set(ref, accepted(source, ref, result));
        acceptedRecords.push({ ref, ...result });
      }
    }
    await markAccepted(manager, source, acceptedRecords);
    await this.outbox.append(manager, ...[...results.values()].filter((result): result is NewEvent => result !== undefined));
  }

  /**
   * The good records of a chunk in a few statements, under one savepoint: their participants found by NIK or
   * registered, and enrolled as waiting for the identity check (Admission.submitAllAwaitingIdentity). Kept only when
   * every new participant got its enrollment, so that a record refused later, one by one, leaves nothing behind; a NIK
   * twice in the chunk, a NIK registered meanwhile or a statement the database refuses sends the whole chunk one by one.
   */
  private async enrollAll(manager: EntityManager, source: Source, good: GoodRecord[]): Promise<Map<string, Enrolled>> {
    const none = new Map<string, Enrolled>();
    if (good.length < 2 || new Set(good.map((item) => item.record.nik)).size < good.length) return none;
    try {
      const enrolled = await withSavepoint(
        manager,
        'nomination_chunk',
        () => this.tryEnrollAll(manager, source, good),
        (result) => result !== null,
      );
      return enrolled ?? none;
    } catch (error) {
      if (refusalOf(error)) return none;
      throw error;
    }
  }

  private async tryEnrollAll(manager: EntityManager, source: Source, good: GoodRecord[]): Promise<Map<string, Enrolled> | null> {
    const known = await this.participants.findAllByNik(
      manager,
      good.map((item) => item.record.nik),
    );
    const fresh: Participant[] = [];
    const participants = new Map<string, Participant>();
    for (const { ref, record } of good) {
      const participant = known.get(record.nik) ?? newParticipantOrNone(this.participants, record);
      if (!participant) continue; // nothing written for it: its registration problems are enrollOne's to give
      if (!known.has(record.nik)) fresh.push(participant);
      participants.set(ref, participant);
    }
    if (!(await this.participants.registerAllIn(manager, fresh))) return null;
    const requests = good.flatMap(({ ref, record }) => {
      const participant = participants.get(ref);
      return participant
        ? [{ participantId: participant.id, batchId: record.batchId, channel: 'nomination' as const, score: record.score }]
        : [];
    });
    const taken = await this.admission.submitAllAwaitingIdentity(manager, source.programmeId, requests);
    if (fresh.some((participant) => !taken.has(participant.id))) return null;
    const enrolled = new Map<string, Enrolled>();
    for (const [ref, participant] of participants) {
      const enrollment = taken.get(participant.id);
      if (enrollment) enrolled.set(ref, { participantId: participant.id, enrollmentId: enrollment.id });
    }
    return enrolled;
  }

  /**
   * One record, in a savepoint: anything it wrote is undone when it is refused, for a domain rule or a database error
   * of its own (see refusalOf), and the other records of the chunk go on.
   */
  private async enrollOne(
    manager: EntityManager,
    source: Source,
    record: NominationRecord,
  ): Promise<Enrolled | { problems: RecordProblem[] }> {
    try {
      return await withSavepoint(manager, 'nomination_record', async () => {
        const participant = await this.participantOf(manager, record);
        const enrollment = await this.admission.submit(manager, {
          participantId: participant.id,
          programmeId: source.programmeId,
          batchId: record.batchId,
          channel: 'nomination',
          score: record.score,
        });
        return { participantId: participant.id, enrollmentId: enrollment.id };
      });
    } catch (error) {
      const problems = refusalOf(error);
      if (!problems) throw error;
      return { problems };
    }
  }

  /**
   * The participant of the record's NIK, registered now when there is none. Another message registering the same NIK
   * at the same moment makes the registration wait for it and find the NIK taken: then that participant is the one.
   */
  private async participantOf(manager: EntityManager, record: NominationRecord): Promise<Participant> {
    const found = await this.participants.findByNik(manager, record.nik);
    if (found) return found;
    try {
      return await this.participants.registerIn(manager, record);
    } catch (error) {
      const registeredMeanwhile = error instanceof Conflict ? await this.participants.findByNik(manager, record.nik) : null;
      if (registeredMeanwhile) return registeredMeanwhile;
      throw error;
    }
  }
}

interface GoodRecord {
  ref: string;
  record: NominationRecord;
}

interface Enrolled {
  participantId: string;
  enrollmentId: string;
}

function newParticipantOrNone(participants: ParticipantsService, record: NominationRecord): Participant | undefined {
  try {
    return participants.newParticipant(record);
  } catch (error) {
    if (error instanceof InvalidInput) return undefined;
    throw error;
  }
}

/** The records of the chunk this message has not handled before (a redelivery, a retried chunk): their refs. */
async function claimRecords(manager: EntityManager, source: Source, refs: string[]): Promise<Set<string>> {
  const rows = await manager.query<Array<{ record_ref: string }>>(
    `INSERT INTO nomination_records (source_event_id, record_ref, institution_id, accepted) SELECT $1, ref, $3, false FROM unnest($2::text[]) AS ref
     ON CONFLICT DO NOTHING RETURNING record_ref`,
    [source.sourceEventId, refs, source.institutionId],
  );
  return new Set(rows.map((row) => row.record_ref));
}

async function markAccepted(manager: EntityManager, source: Source, records: Array<Enrolled & { ref: string }>): Promise<void> {
  if (records.length === 0) return;
  await manager.query(
    `UPDATE nomination_records SET accepted = true, participant_id = accepted.participant_id, enrollment_id = accepted.enrollment_id
     FROM unnest($2::text[], $3::uuid[], $4::uuid[]) AS accepted (record_ref, participant_id, enrollment_id)
     WHERE nomination_records.source_event_id = $1 AND nomination_records.record_ref = accepted.record_ref`,
    [
      source.sourceEventId,
      records.map((record) => record.ref),
      records.map((record) => record.participantId),
      records.map((record) => record.enrollmentId),
    ],
  );
}

function accepted(source: Source, recordRef: string, enrolled: Enrolled): NewEvent {
  return nominationRecordAcceptedEvent.with(source.institutionId, {
    sourceEventId: source.sourceEventId,
    institutionId: source.institutionId,
    recordRef,
    ...enrolled,
  });
}

function rejected(source: Source, recordRef: string, problems: RecordProblem[]): NewEvent {
  return nominationRecordRejectedEvent.with(source.institutionId, {
    sourceEventId: source.sourceEventId,
    institutionId: source.institutionId,
    recordRef,
    problems,
  });
}
