import { Controller } from '@nestjs/common';
import { InstructorContactChanged, instructorContactChangedEvent, ParticipantContactChanged, participantContactChangedEvent } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { RecipientDirectory } from './recipient-directory.service';

/** The latest contact card per participant and instructor, kept sealed. */
@Controller()
export class ContactCardsConsumer {
  constructor(private readonly directory: RecipientDirectory) {}

  @OnEvent(participantContactChangedEvent)
  async onParticipantContact(event: ParticipantContactChanged, context: InboxContext): Promise<void> {
    await this.directory.storeSealedCard(context.manager, 'participant', event.participantId, event.language, event.contact);
  }

  @OnEvent(instructorContactChangedEvent)
  async onInstructorContact(event: InstructorContactChanged, context: InboxContext): Promise<void> {
    await this.directory.storeSealedCard(context.manager, 'instructor', event.instructorId, event.language, event.contact);
  }
}
