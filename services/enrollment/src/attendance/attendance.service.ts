import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { attendanceRecordedEvent, ClassRegisterView, EnrollmentStatus, todayInWib } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Caller, Conflict, InvalidInput, maskName, NotFound } from '@sinergi/platform';
import { Batch } from '../classes/batch.entity';
import { ClassInstructor } from '../classes/class-instructor.entity';
import { lockClasses } from '../enrollments/class-locks';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Participant } from '../participants/participant.entity';
import { AttendanceRecordDto } from './attendance.dto';
import { AttendanceRecord } from './attendance-record.entity';
import { dayProblem, recordProblems } from './attendance.rules';

/** Who sits in the class: a promoted reserve may still be selected (not yet confirmed) when the class starts. */
export const SEATED_STATUSES: readonly EnrollmentStatus[] = ['selected', 'confirmed'];

@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Records one class day for the participants listed, replacing what was recorded for that day, under the class row
   * lock (so it cannot interleave with the class's completion). One AttendanceRecorded per participant listed.
   */
  record(batchId: string, day: string, records: AttendanceRecordDto[], caller: Caller): Promise<ClassRegisterView> {
    return this.dataSource.transaction(async (manager) => {
      const [batch] = await lockClasses(manager, { id: batchId });
      if (!batch) throw new NotFound({ field: 'batchId', rule: 'exists', message: `no confirmed class with id ${batchId}` });
      await assertReachesClass(manager, caller, batch);
      if (batch.status === 'cancelled') throw new Conflict({ field: 'batchId', rule: 'class-live', message: 'the class was cancelled; it has no attendance' });
      if (batch.status === 'completed' || batch.status === 'closed') {
        throw new Conflict({ field: 'day', rule: 'register-open', message: `the class is ${batch.status}; its register is final` });
      }
      const problem = dayProblem(day, batch, todayInWib());
      if (problem) throw new InvalidInput(problem);
      const seated = await seatedIn(manager, batch.id);
      const problems = recordProblems(
        records.map((record) => record.enrollmentId),
        new Set(seated.map((enrollment) => enrollment.id)),
      );
      if (problems.length > 0) throw new InvalidInput(problems);

      const recordedAt = new Date();
      await manager.delete(AttendanceRecord, { batchId: batch.id, day });
      await manager.insert(
        AttendanceRecord,
        records.map((record) => ({ enrollmentId: record.enrollmentId, day, batchId: batch.id, present: record.present, recordedAt })),
      );
      const participantOf = new Map(seated.map((enrollment) => [enrollment.id, enrollment.participantId]));
      await this.outbox.append(
        manager,
        ...records.map((record) =>
          attendanceRecordedEvent.with(record.enrollmentId, {
            batchId: batch.id,
            day,
            enrollmentId: record.enrollmentId,
            participantId: participantOf.get(record.enrollmentId) as string,
            present: record.present,
          }),
        ),
      );
      return registerOf(batch, await manager.findBy(AttendanceRecord, { batchId: batch.id }), seated, await namesOf(manager, seated, caller.masked));
    });
  }

  /** The class register: every seated participant (by name, masked for a masked reach) and the days recorded for them. */
  async register(batchId: string, caller: Caller): Promise<ClassRegisterView> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw new NotFound({ field: 'batchId', rule: 'exists', message: `no confirmed class with id ${batchId}` });
    await assertReachesClass(this.dataSource.manager, caller, batch);
    const records = await this.dataSource.getRepository(AttendanceRecord).findBy({ batchId });
    const seated = await seatedIn(this.dataSource.manager, batchId);
    return registerOf(batch, records, seated, await namesOf(this.dataSource.manager, seated, caller.masked));
  }
}

/** A venue operator reaches the classes of their venues, an instructor the classes they currently teach. */
async function assertReachesClass(manager: EntityManager, caller: Caller, batch: Batch): Promise<void> {
  const instructor = caller.reach === 'own' ? await manager.findOneBy(ClassInstructor, { batchId: batch.id }) : null;
  caller.assertReaches({ venueCodes: [batch.venueCode], instructorIds: instructor ? [instructor.instructorId] : [] }, 'batchId');
}

export function seatedIn(manager: EntityManager, batchId: string): Promise<Enrollment[]> {
  return manager.find(Enrollment, {
    where: { batchId, status: In([...SEATED_STATUSES]) },
    order: { submittedAt: 'ASC', id: 'ASC' },
  });
}

/** Full names of the seated participants by participant id; never their NIK. */
async function namesOf(manager: EntityManager, seated: Enrollment[], masked: boolean): Promise<Map<string, string>> {
  const participants = seated.length === 0 ? [] : await manager.find(Participant, { select: { id: true, fullName: true }, where: { id: In(seated.map((enrollment) => enrollment.participantId)) } });
  return new Map(participants.map((participant) => [participant.id, masked ? maskName(participant.fullName) : participant.fullName]));
}

function registerOf(batch: Batch, records: AttendanceRecord[], seated: Enrollment[], names: Map<string, string>): ClassRegisterView {
  return {
    batchId: batch.id,
    startDate: batch.startDate,
    endDate: batch.endDate,
    classDays: batch.classDates,
    participants: seated.map((enrollment) => {
      const own = records.filter((record) => record.enrollmentId === enrollment.id).sort((a, b) => a.day.localeCompare(b.day));
      return {
        enrollmentId: enrollment.id,
        participantId: enrollment.participantId,
        fullName: names.get(enrollment.participantId) ?? '',
        status: enrollment.status,
        days: Object.fromEntries(own.map((record) => [record.day, record.present])),
        attendedDays: own.filter((record) => record.present).length,
      };
    }),
  };
}
