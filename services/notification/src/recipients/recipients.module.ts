import { Module } from '@nestjs/common';
import { ContactCardsConsumer } from './contact-cards.consumer';
import { RecipientDirectory } from './recipient-directory.service';
import { RecipientsController } from './recipients.controller';

/** Who can be reached and how: contact cards from events, venue operators and admins registered over HTTP, preferences. */
@Module({ controllers: [RecipientsController, ContactCardsConsumer], providers: [RecipientDirectory], exports: [RecipientDirectory] })
export class RecipientsModule {}
