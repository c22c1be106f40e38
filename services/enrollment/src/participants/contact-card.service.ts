import { Injectable } from '@nestjs/common';
import {
  ContactCard,
  NewEvent,
  ParticipantContactChanged,
  participantContactChangedEvent,
  seal,
  SealKey,
  sealKeyFrom,
} from '@sinergi/contracts';
import { EnrollmentConfig } from '../enrollment.config';
import { Participant } from './participant.entity';

/** Builds ParticipantContactChanged: the contact card sealed with CONTACT_SEAL_KEY and bound to the participant id. */
@Injectable()
export class ContactCards {
  private readonly key: SealKey;

  constructor(config: EnrollmentConfig) {
    this.key = sealKeyFrom(config.CONTACT_SEAL_KEY);
  }

  changed(participant: Participant): NewEvent<ParticipantContactChanged> {
    const card: ContactCard = {
      fullName: participant.fullName,
      phone: participant.phone,
      ...(participant.email ? { email: participant.email } : {}),
    };
    return participantContactChangedEvent.with(participant.id, {
      participantId: participant.id,
      language: participant.language,
      contact: seal(card, this.key, participant.id),
    });
  }
}
