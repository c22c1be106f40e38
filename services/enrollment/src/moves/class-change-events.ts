import {
  ClassChangeOffered,
  classChangeOfferedEvent,
  NewEvent,
  ParticipantMoved,
  participantMovedEvent,
  ParticipantReleased,
  participantReleasedEvent,
} from '@sinergi/contracts';

/* The one place that builds ClassChangeOffered, ParticipantMoved and ParticipantReleased, keyed by the enrollment. */

export function classChangeOffered(data: ClassChangeOffered): NewEvent<ClassChangeOffered> {
  return classChangeOfferedEvent.with(data.enrollmentId, data);
}

export function participantMoved(data: ParticipantMoved): NewEvent<ParticipantMoved> {
  return participantMovedEvent.with(data.enrollmentId, data);
}

export function participantReleased(data: ParticipantReleased): NewEvent<ParticipantReleased> {
  return participantReleasedEvent.with(data.enrollmentId, data);
}

/** Whose enrollment an event is about. */
export function who(enrollment: { id: string; participantId: string; programmeId: string }): {
  enrollmentId: string;
  participantId: string;
  programmeId: string;
} {
  return { enrollmentId: enrollment.id, participantId: enrollment.participantId, programmeId: enrollment.programmeId };
}
