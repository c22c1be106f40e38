import { recordRefOf } from './roster.rules';

describe('recordRefOf', () => {
  const eventId = '0b0f6f8e-2f55-4a49-8a4b-6d1e3a9f4c11';

  it('uses the record key when present', () => {
    expect(recordRefOf({ moduleCode: 'KWU-01' }, 'moduleCode', eventId)).toBe('KWU-01');
  });

  it.each([[null], ['text'], [{}], [{ externalRef: 42 }], [{ externalRef: '' }], [{ externalRef: 'x'.repeat(201) }], [{ externalRef: 'R\u00001' }]])(
    'falls back to the event id for %p',
    (record) => {
      expect(recordRefOf(record, 'externalRef', eventId)).toBe(eventId);
    },
  );
});
