import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InstructorContactChanged, instructorContactChangedEvent, ParticipantContactChanged, participantContactChangedEvent } from '@sinergi/contracts';
import { InboxContext } from '@sinergi/messaging';
import { RecipientDirectory } from './recipient-directory.service';

/** The latest contact card per participant and instructor, kept sealed. */
@Controller()
export class ContactCardsConsumer {
  constructor(private readonly directory: RecipientDirectory) {}

  @EventPattern(participantContactChangedEvent.type)
  async onParticipantContact(@Payload() event: ParticipantContactChanged, @Ctx() context: InboxContext): Promise<void> {
    await this.directory.storeSealedCard(context.manager, 'participant', event.participantId, event.language, event.contact);
  }

  @EventPattern(instructorContactChangedEvent.type)
  async onInstructorContact(@Payload() event: InstructorContactChanged, @Ctx() context: InboxContext): Promise<void> {
    await this.directory.storeSealedCard(context.manager, 'instructor', event.instructorId, event.language, event.contact);
  }
}
