import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AgreementSigned, agreementSignedEvent } from '@sinergi/contracts';
import { InboxContext } from '@sinergi/messaging';
import { Delivery } from './delivery.entity';

export const AGREEMENT_SIGNED_TEMPLATE = 'agreement-signed';

/** Every party to a newly signed agreement is owed a notice; its admins are the recipients. */
@Controller()
export class AgreementSignedConsumer {
  @EventPattern(agreementSignedEvent.type)
  async onAgreementSigned(@Payload() agreement: AgreementSigned, @Ctx() context: InboxContext): Promise<void> {
    const deliveries = agreement.parties.map((party) =>
      context.manager.create(Delivery, {
        eventId: context.envelope.id,
        eventType: context.envelope.type,
        recipient: `party-admins:${party.code}`,
        template: AGREEMENT_SIGNED_TEMPLATE,
        status: 'pending',
        correlationId: context.envelope.correlationid,
        traceparent: context.envelope.traceparent ?? null,
      }),
    );
    await context.manager.insert(Delivery, deliveries);
  }
}
