/// <reference types="jest" />
import { errorsByField, explain, explainReason } from './explain';

describe('portal: the API’s broken rules in plain words', () => {
  it('explains each NIK rule in Bahasa Indonesia and in English', () => {
    const rules = ['nik-digits', 'nik-province', 'nik-regency', 'nik-district', 'nik-birth-date', 'nik-matches-birth-date', 'nik-matches-gender', 'nik-serial', 'unique'];
    for (const rule of rules) {
      const error = { field: 'nik', rule, message: 'the API’s own sentence' };
      expect([rule, explain(error, 'id')]).not.toEqual([rule, error.message]);
      expect([rule, explain(error, 'en')]).not.toEqual([rule, error.message]);
    }
    expect(explain({ field: 'nik', rule: 'nik-matches-birth-date' }, 'id')).toContain('angka ke-7 sampai ke-12');
  });

  it('explains a rule of any field by its name, and falls back to the API’s message, then the rule', () => {
    expect(explain({ field: 'fullName', rule: 'isNotEmpty' }, 'id')).toBe('Wajib diisi.');
    expect(explain({ field: 'email', rule: 'isEmail' }, 'en')).toContain('Not an e-mail address');
    expect(explain({ field: 'sector', rule: 'something-new', message: 'must be something' }, 'id')).toBe('must be something');
    expect(explain({ field: 'sector', rule: 'something-new' }, 'id')).toBe('something-new');
  });

  it('groups the errors by field and explains why an enrollment was refused', () => {
    const grouped = errorsByField([
      { field: 'nik', rule: 'nik-serial' },
      { field: 'phone', rule: 'indonesian-mobile' },
      { field: 'nik', rule: 'nik-birth-date' },
    ]);
    expect([...grouped.keys()]).toEqual(['nik', 'phone']);
    expect(grouped.get('nik')?.map((error) => error.rule)).toEqual(['nik-serial', 'nik-birth-date']);
    expect(explainReason({ field: 'provinceCode', rule: 'the programme has no confirmed class in province 32' }, 'id')).toBe('Program ini belum punya kelas di provinsi Anda.');
    expect(explainReason({ field: 'other', rule: 'a reason the portal has no words for' }, 'en')).toBe('a reason the portal has no words for');
  });
});
