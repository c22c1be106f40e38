import { Controller } from '@nestjs/common';
import {
  usableRecordRef,
  venueRecordAcceptedEvent,
  venueRecordRejectedEvent,
  venueUpsertedEvent,
  VenueUpsertedRecord,
  venueUpsertedRecordSchema,
} from '@sinergi/contracts';
import { InboxContext, OnEvent, Outbox, recordValidator } from '@sinergi/messaging';
import { recordRefusals } from '@sinergi/platform';
import { VenuesService } from './venues.service';

const RECORD_TYPE = 'VenueUpserted';
const checkShape = recordValidator(venueUpsertedRecordSchema);

/** Kemnaker's venue catalogue: each record is applied, or refused with every problem named; neither stops the topic. */
@Controller()
export class VenueCatalogueConsumer {
  constructor(
    private readonly venues: VenuesService,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent(venueUpsertedEvent)
  async onVenueUpserted(record: unknown, context: InboxContext): Promise<void> {
    const recordRef = referenceOf(record) ?? context.envelope.id;
    const result = { sourceEventId: context.envelope.id, recordType: RECORD_TYPE, recordRef };
    const shapeProblems = checkShape(record);
    const valid = record as VenueUpsertedRecord;
    const problems =
      shapeProblems.length > 0
        ? shapeProblems
        : await recordRefusals(context.manager, () => this.venues.apply(context.manager, { ...valid, closedDays: valid.closedDays ?? [], sample: false }), '/');
    if (problems.length > 0) {
      await this.outbox.append(context.manager, venueRecordRejectedEvent.with(recordRef, { ...result, problems }));
      return;
    }
    await this.outbox.append(context.manager, venueRecordAcceptedEvent.with(recordRef, result));
  }
}

function referenceOf(record: unknown): string | undefined {
  return usableRecordRef((record as { venueCode?: unknown } | null)?.venueCode);
}
