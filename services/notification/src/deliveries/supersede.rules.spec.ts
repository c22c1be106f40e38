import { isCritical, TEMPLATE_NAMES } from '../templates/templates.rules';
import { IN_ORDER_DOCUMENTS, isHeld, OUT_OF_ORDER, SUPERSEDED_BY, staleTemplates, supersededReason } from './supersede.rules';

describe('supersede rules', () => {
  it('holds the notices a quick decision makes stale: received, eligible and waitlisted', () => {
    expect(TEMPLATE_NAMES.filter(isHeld).sort()).toEqual(['enrollment-accepted', 'enrollment-received', 'waitlisted']);
  });

  it('never holds or supersedes a critical message, a document or a sign-in code', () => {
    const neverHeld = [...TEMPLATE_NAMES.filter(isCritical), ...IN_ORDER_DOCUMENTS, ...OUT_OF_ORDER];
    expect(neverHeld.filter(isHeld)).toEqual([]);
    expect(Object.keys(SUPERSEDED_BY).filter((template) => neverHeld.includes(template as never))).toEqual([]);
  });

  it('knows which templates can supersede a held notice', () => {
    const superseding = TEMPLATE_NAMES.filter((template) => staleTemplates(template).length > 0);
    expect(superseding.sort()).toEqual(['enrollment-accepted', 'enrollment-rejected', 'not-selected', 'promoted', 'selected', 'waitlisted']);
    expect(staleTemplates('enrollment-received')).toEqual([]);
  });

  it('names only templates that exist', () => {
    const named = [...Object.keys(SUPERSEDED_BY), ...Object.values(SUPERSEDED_BY).flat(), ...IN_ORDER_DOCUMENTS, ...OUT_OF_ORDER];
    expect(named.filter((template) => !TEMPLATE_NAMES.includes(template as never))).toEqual([]);
  });

  it.each([
    ['enrollment-received', 'enrollment-accepted'],
    ['enrollment-received', 'enrollment-rejected'],
    ['enrollment-received', 'selected'],
    ['enrollment-received', 'waitlisted'],
    ['enrollment-received', 'not-selected'],
    ['enrollment-accepted', 'selected'],
    ['enrollment-accepted', 'waitlisted'],
    ['enrollment-accepted', 'not-selected'],
    ['enrollment-accepted', 'enrollment-rejected'],
    ['waitlisted', 'promoted'],
    ['waitlisted', 'not-selected'],
  ])('%s is superseded by %s', (earlier, later) => {
    expect(staleTemplates(later)).toContain(earlier);
  });

  it.each([
    ['enrollment-accepted', 'enrollment-received'],
    ['selected', 'enrollment-received'],
    ['waitlisted', 'selected'],
    ['enrollment-received', 'certificate-issued'],
    ['enrollment-received', 'class-cancelled'],
    ['waitlisted', 'seat-expired'],
  ])('%s is not superseded by %s', (earlier, later) => {
    expect(staleTemplates(later)).not.toContain(earlier);
  });

  it('makes every notice not-selected makes stale stale at once: received, eligible and waitlisted', () => {
    expect([...staleTemplates('not-selected')].sort()).toEqual(['enrollment-accepted', 'enrollment-received', 'waitlisted']);
  });

  it('says what superseded a notice', () => {
    expect(supersededReason({ template: 'selected', eventId: 'e-1' })).toBe('superseded by selected (event e-1) within the supersede window');
  });
});
