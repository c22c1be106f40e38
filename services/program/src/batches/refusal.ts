import type { PlanningRule } from '@sinergi/contracts';
import { RuleBroken } from '@sinergi/platform';
import { Refusal } from './batch-planner.rules';

/** The request field each planning rule is about, when the caller does not name another (bulk planning's `from`). */
const FIELD_OF_RULE: Record<PlanningRule, string> = {
  'start-in-past': 'startDate',
  'outside-programme-period': 'startDate',
  'not-a-teaching-day': 'startDate',
  'venue-unknown': 'venueCode',
  'venue-closed': 'venueCode',
  'no-room-large-enough': 'venueCode',
  'no-capacity': 'venueCode',
  'no-instructor': 'provinceCodes',
  'participant-ceiling': 'programmeId',
};

/** A planning rule said no: a RuleBroken naming the field and the rule, so a client can act on it. */
export function refuse(refusal: Refusal, field = FIELD_OF_RULE[refusal.rule]): RuleBroken {
  return new RuleBroken({ field, rule: refusal.rule, message: refusal.message });
}
