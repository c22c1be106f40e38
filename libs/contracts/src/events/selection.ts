import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';
import { SELECTION_POLICIES } from './programmes';

const topic = TOPICS.enrollments.name;

export const enrollmentAcceptedEvent = defineEvent(
  'EnrollmentAccepted',
  topic,
  'An enrollment passed the identity check and eligibility, before its seat decision; awaitingSelection when a lottery or ranking decides later.',
  s.object({
    enrollmentId: s.uuid(),
    participantId: s.uuid(),
    programmeId: s.uuid(),
    selectionPolicy: s.oneOf(SELECTION_POLICIES),
    /** True when the programme draws (lottery) or ranks its pool later: the person waits for the draw. */
    awaitingSelection: s.boolean(),
  }),
);
export type EnrollmentAccepted = PayloadOf<typeof enrollmentAcceptedEvent>;

export const selectionDrawnEvent = defineEvent(
  'SelectionDrawn',
  topic,
  "A programme's pool was drawn (lottery) or ranked, once; keyed by programme id. The seed and digest let an auditor re-run the draw.",
  s.object({
    programmeId: s.uuid(),
    policy: s.oneOf(['lottery', 'ranked']),
    seed: s.string(200),
    poolSize: s.integer(0),
    /** SHA-256 (hex) of the pool's enrollment ids in draw order, joined by newlines. */
    poolDigest: s.pattern('^[0-9a-f]{64}$'),
    drawnAt: s.dateTime(),
  }),
);
export type SelectionDrawn = PayloadOf<typeof selectionDrawnEvent>;
