import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';
import { WEEKDAYS } from '../calendar/teaching-days';

export const SELECTION_POLICIES = ['first-come-first-served', 'lottery', 'ranked'] as const;
export type SelectionPolicy = (typeof SELECTION_POLICIES)[number];

export const BUSINESS_SCALES = ['micro', 'small', 'medium'] as const;
export type BusinessScale = (typeof BUSINESS_SCALES)[number];

const topic = TOPICS.programmes.name;

export const programmeLaunchedEvent = defineEvent(
  'ProgrammeLaunched',
  topic,
  'A training programme was launched under a PKS, with its targets and class rules.',
  s.object(
    {
      programmeId: s.uuid(),
      /** The PKS the programme runs under. */
      agreementId: s.uuid(),
      name: s.string(300),
      periodStart: s.date(),
      periodEnd: s.date(),
      targetParticipants: s.integer(1),
      participantCeiling: s.integer(1),
      prioritySegments: s.setOf(s.oneOf(BUSINESS_SCALES), 1),
      selectionPolicy: s.oneOf(SELECTION_POLICIES),
      moduleCode: s.code(),
      /** How many teaching days one class runs: consecutive teaching days, skipping national holidays and cuti bersama. */
      classDays: s.integer(1, 60),
      /** The weekdays classes are held on; absent (older events): monday to friday. */
      teachingWeekdays: s.setOf(s.oneOf(WEEKDAYS), 1),
      classSize: s.integer(1, 200),
      reservesPerClass: s.integer(0, 50),
      minimumQuorum: s.integer(1, 200),
      /** Participants confirm their seat (daftar ulang) this many days before the class starts. */
      confirmByDaysBeforeStart: s.integer(0, 60),
    },
    ['teachingWeekdays'],
  ),
);
export type ProgrammeLaunched = PayloadOf<typeof programmeLaunchedEvent>;

export const programmeAmendedEvent = defineEvent(
  'ProgrammeAmended',
  topic,
  'A programme target or ceiling was raised (never past its agreement ceiling).',
  s.object({ programmeId: s.uuid(), targetParticipants: s.integer(1), participantCeiling: s.integer(1), reason: s.string(500) }),
);
export type ProgrammeAmended = PayloadOf<typeof programmeAmendedEvent>;
