import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  InstructorUpsertedRecord,
  instructorUpsertedEvent,
  instructorUpsertedRecordSchema,
  RecordProblem,
  rosterRecordAcceptedEvent,
  rosterRecordRejectedEvent,
  TrainingModulePublished,
  trainingModuleUpsertedEvent,
  trainingModuleUpsertedRecordSchema,
} from '@sinergi/contracts';
import { InboxContext, OnEvent, Outbox, recordValidator } from '@sinergi/messaging';
import { recordRefusals } from '@sinergi/platform';
import { InstructorsService } from '../instructors/instructors.service';
import { TrainingModulesService } from '../training-modules/training-modules.service';
import { recordRefOf } from './roster.rules';

const checkModule = recordValidator(trainingModuleUpsertedRecordSchema);
const checkInstructor = recordValidator(instructorUpsertedRecordSchema);

/**
 * The KemenUMKM roster: each record is checked on its own and answered with Accepted or Rejected
 * (field and rule, never the value), so one bad record never stops the topic.
 */
@Controller()
export class RosterConsumer {
  constructor(
    private readonly modules: TrainingModulesService,
    private readonly instructors: InstructorsService,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent(trainingModuleUpsertedEvent)
  async onTrainingModule(record: unknown, context: InboxContext): Promise<void> {
    await this.handle(context, record, 'moduleCode', checkModule, (manager) => this.modules.applyRecord(manager, record as TrainingModulePublished));
  }

  @OnEvent(instructorUpsertedEvent)
  async onInstructor(record: unknown, context: InboxContext): Promise<void> {
    await this.handle(context, record, 'externalRef', checkInstructor, (manager) => this.instructors.applyRecord(manager, record as InstructorUpsertedRecord));
  }

  private async handle(
    context: InboxContext,
    record: unknown,
    keyField: string,
    check: (record: unknown) => RecordProblem[],
    apply: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const { manager, envelope } = context;
    const result = { sourceEventId: envelope.id, recordType: envelope.type, recordRef: recordRefOf(record, keyField, envelope.id) };
    const schemaProblems = check(record);
    const problems = schemaProblems.length > 0 ? schemaProblems : await recordRefusals(manager, () => apply(manager), '/');
    if (problems.length > 0) {
      await this.outbox.append(manager, rosterRecordRejectedEvent.with(result.recordRef, { ...result, problems }));
    } else {
      await this.outbox.append(manager, rosterRecordAcceptedEvent.with(result.recordRef, result));
    }
  }
}
