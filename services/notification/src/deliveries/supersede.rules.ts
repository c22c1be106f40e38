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

const STALE_BY = new Map<string, readonly TemplateName[]>();
for (const [held, laterTemplates] of Object.entries(SUPERSEDED_BY) as Array<[TemplateName, readonly TemplateName[]]>) {
  for (const later of laterTemplates) STALE_BY.set(later, [...(STALE_BY.get(later) ?? []), held]);
}

/** The held templates a notice of this template makes stale; none for most templates. */
export function staleTemplates(later: string): readonly TemplateName[] {
  return STALE_BY.get(later) ?? [];
}

/** Documents a person must get after everything that happened before them: never held, never superseded, always in order. */
export const IN_ORDER_DOCUMENTS: readonly TemplateName[] = ['certificate-issued', 'participation-letter-issued'];

/** Answers to the person's own request (a sign-in code): sent at once, neither waiting for earlier messages nor holding later ones back. */
export const OUT_OF_ORDER: readonly TemplateName[] = ['sign-in-code'];

/** Whether a new notice of this template is held for the window first. Critical messages and documents never are. */
export function isHeld(template: string): boolean {
  return template in SUPERSEDED_BY && !isCritical(template) && !IN_ORDER_DOCUMENTS.includes(template as TemplateName);
}

/** The reason a superseded delivery records. */
export function supersededReason(later: { template: string; eventId: string }): string {
  return `superseded by ${later.template} (event ${later.eventId}) within the supersede window`;
}
