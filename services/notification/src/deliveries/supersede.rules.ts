import { isCritical, TemplateName } from '../templates/templates.rules';

/**
 * Notices that a decision taken moments later makes stale: each is held for the supersede window, and one of the
 * templates named here, planned for the same person and enrollment within the window, supersedes it (it is never sent).
 */
export const SUPERSEDED_BY: Readonly<Partial<Record<TemplateName, readonly TemplateName[]>>> = {
  'enrollment-received': ['enrollment-accepted', 'enrollment-rejected', 'selected', 'waitlisted', 'not-selected'],
  'enrollment-accepted': ['enrollment-rejected', 'selected', 'waitlisted', 'not-selected'],
  waitlisted: ['promoted', 'not-selected'],
};

const SUPERSEDING: ReadonlySet<string> = new Set(Object.values(SUPERSEDED_BY).flat());

/** Whether a notice of this template can supersede any held one: the others need not look for them. */
export function canSupersede(template: string): boolean {
  return SUPERSEDING.has(template);
}

/** Documents a person must get after everything that happened before them: never held, never superseded, always in order. */
export const IN_ORDER_DOCUMENTS: readonly TemplateName[] = ['certificate-issued', 'participation-letter-issued'];

/** Answers to the person's own request (a sign-in code): sent at once, neither waiting for earlier messages nor holding later ones back. */
export const OUT_OF_ORDER: readonly TemplateName[] = ['sign-in-code'];

/** A held notice, or the one just planned, as the supersede decision sees it. */
export interface Notice {
  id: string;
  template: string;
  /** When the event that caused it happened (its CloudEvents `time`). */
  eventTime: Date;
}

/** Whether a new notice of this template is held for the window first. Critical messages and documents never are. */
export function isHeld(template: string): boolean {
  return template in SUPERSEDED_BY && !isCritical(template) && !IN_ORDER_DOCUMENTS.includes(template as TemplateName);
}

/**
 * The held notices (same person, same enrollment) that `later` supersedes: those its template supersedes whose event
 * happened no later than `later`'s and less than `windowMs` before it.
 */
export function supersededBy(later: Notice, held: readonly Notice[], windowMs: number): string[] {
  return held
    .filter((notice) => notice.id !== later.id && isHeld(notice.template))
    .filter((notice) => (SUPERSEDED_BY[notice.template as TemplateName] ?? []).includes(later.template as TemplateName))
    .filter((notice) => {
      const gap = later.eventTime.getTime() - notice.eventTime.getTime();
      return gap >= 0 && gap < windowMs;
    })
    .map((notice) => notice.id);
}

/** The reason a superseded delivery records. */
export function supersededReason(later: Pick<Notice, 'template'> & { eventId: string }): string {
  return `superseded by ${later.template} (event ${later.eventId}) within the supersede window`;
}
