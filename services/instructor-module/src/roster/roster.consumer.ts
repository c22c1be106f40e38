import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
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
import { InboxContext, Outbox, recordValidator } from '@sinergi/messaging';
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

  @EventPattern(trainingModuleUpsertedEvent.type)
  async onTrainingModule(@Payload() record: unknown, @Ctx() context: InboxContext): Promise<void> {
    await this.handle(context, record, 'moduleCode', checkModule, (manager) => this.modules.applyRecord(manager, record as TrainingModulePublished));
  }

  @EventPattern(instructorUpsertedEvent.type)
  async onInstructor(@Payload() record: unknown, @Ctx() context: InboxContext): Promise<void> {
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
    const problems = schemaProblems.length > 0 ? schemaProblems : await recordRefusals(() => apply(manager), '/');
    if (problems.length > 0) {
      await this.outbox.append(manager, { type: rosterRecordRejectedEvent.type, subject: result.recordRef, data: { ...result, problems } });
    } else {
      await this.outbox.append(manager, { type: rosterRecordAcceptedEvent.type, subject: result.recordRef, data: result });
    }
  }
}
