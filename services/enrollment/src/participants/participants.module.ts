import { Module } from '@nestjs/common';
import { ContactCards } from './contact-card.service';
import { NikVault } from './nik-vault.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({ controllers: [ParticipantsController], providers: [ParticipantsService, NikVault, ContactCards], exports: [ParticipantsService, NikVault] })
export class ParticipantsModule {}
