import {
  ClassChangeOffered,
  classChangeOfferedEvent,
  ParticipantMoved,
  participantMovedEvent,
  ParticipantReleased,
  participantReleasedEvent,
} from '@sinergi/contracts';
import { NewEvent } from '@sinergi/messaging';

/* The one place that builds ClassChangeOffered, ParticipantMoved and ParticipantReleased, keyed by the enrollment. */

export function classChangeOffered(data: ClassChangeOffered): NewEvent<ClassChangeOffered> {
  return { type: classChangeOfferedEvent.type, subject: data.enrollmentId, data };
}

export function participantMoved(data: ParticipantMoved): NewEvent<ParticipantMoved> {
  return { type: participantMovedEvent.type, subject: data.enrollmentId, data };
}

export function participantReleased(data: ParticipantReleased): NewEvent<ParticipantReleased> {
  return { type: participantReleasedEvent.type, subject: data.enrollmentId, data };
}

/** Whose enrollment an event is about. */
export function who(enrollment: { id: string; participantId: string; programmeId: string }): {
  enrollmentId: string;
  participantId: string;
  programmeId: string;
} {
  return { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId };
}
