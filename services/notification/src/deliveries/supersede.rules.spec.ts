import { isCritical, TEMPLATE_NAMES } from '../templates/templates.rules';
import { canSupersede, IN_ORDER_DOCUMENTS, isHeld, Notice, OUT_OF_ORDER, SUPERSEDED_BY, supersededBy, supersededReason } from './supersede.rules';

const WINDOW = 3000;
const at = (ms: number) => new Date(Date.UTC(2025, 4, 5, 1, 0, 0) + ms);
const notice = (id: string, template: string, ms: number): Notice => ({ id, template, eventTime: at(ms) });

describe('supersede rules', () => {
  it('holds the notices a quick decision makes stale: received, eligible and waitlisted', () => {
    expect(TEMPLATE_NAMES.filter(isHeld).sort()).toEqual(['enrollment-accepted', 'enrollment-received', 'waitlisted']);
  });

  it('never holds or supersedes a critical message, a document or a sign-in code', () => {
    const neverHeld = [...TEMPLATE_NAMES.filter(isCritical), ...IN_ORDER_DOCUMENTS, ...OUT_OF_ORDER];
    expect(neverHeld.filter(isHeld)).toEqual([]);
    expect(Object.keys(SUPERSEDED_BY).filter((template) => neverHeld.includes(template as never))).toEqual([]);
  });

  it('knows which templates can supersede a held notice, so that the others never look for one', () => {
    expect(TEMPLATE_NAMES.filter(canSupersede).sort()).toEqual(['enrollment-accepted', 'enrollment-rejected', 'not-selected', 'promoted', 'selected', 'waitlisted']);
    expect(canSupersede('enrollment-received')).toBe(false);
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
  ])('%s is superseded by %s within the window', (earlier, later) => {
    expect(supersededBy(notice('new', later, 2999), [notice('held', earlier, 0)], WINDOW)).toEqual(['held']);
  });

  it.each([
    ['enrollment-accepted', 'enrollment-received'],
    ['selected', 'enrollment-received'],
    ['waitlisted', 'selected'],
    ['enrollment-received', 'certificate-issued'],
    ['enrollment-received', 'class-cancelled'],
    ['waitlisted', 'seat-expired'],
  ])('%s is not superseded by %s', (earlier, later) => {
    expect(supersededBy(notice('new', later, 100), [notice('held', earlier, 0)], WINDOW)).toEqual([]);
  });

  it('lets a decision stand that came a whole window or more later: both are sent', () => {
    expect(supersededBy(notice('new', 'selected', 3000), [notice('held', 'enrollment-received', 0)], WINDOW)).toEqual([]);
    expect(supersededBy(notice('new', 'selected', 60_000), [notice('held', 'enrollment-received', 0)], WINDOW)).toEqual([]);
  });

  it('supersedes only what happened before: an older event arriving late supersedes nothing', () => {
    expect(supersededBy(notice('new', 'selected', 0), [notice('held', 'enrollment-received', 500)], WINDOW)).toEqual([]);
  });

  it('supersedes events of the same moment (one transaction) and every stale notice at once', () => {
    const held = [notice('received', 'enrollment-received', 0), notice('eligible', 'enrollment-accepted', 0), notice('self', 'not-selected', 0)];
    expect(supersededBy(notice('self', 'not-selected', 0), held, WINDOW)).toEqual(['received', 'eligible']);
  });

  it('says what superseded a notice', () => {
    expect(supersededReason({ template: 'selected', eventId: 'e-1' })).toBe('superseded by selected (event e-1) within the supersede window');
  });
});
