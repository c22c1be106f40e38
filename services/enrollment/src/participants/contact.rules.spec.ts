import { nibProblems, normalizePhone } from './contact.rules';

describe('contact rules', () => {
  it('normalises 08..., 628... and +628... to E.164 +628...', () => {
    expect(normalizePhone('081234567890')).toBe('+6281234567890');
    expect(normalizePhone('6281234567890')).toBe('+6281234567890');
    expect(normalizePhone('+6281234567890')).toBe('+6281234567890');
    expect(normalizePhone('0812-3456-7890')).toBe('+6281234567890');
    expect(normalizePhone('0812 3456 7890')).toBe('+6281234567890');
  });

  it('does not check the operator prefix', () => {
    expect(normalizePhone('0899999999')).toBe('+62899999999');
  });

  it('refuses landlines, other countries and wrong lengths', () => {
    expect(normalizePhone('0215551234')).toBeUndefined();
    expect(normalizePhone('+6591234567')).toBeUndefined();
    expect(normalizePhone('08123')).toBeUndefined();
    expect(normalizePhone('0812345678901234')).toBeUndefined();
    expect(normalizePhone('nomor saya')).toBeUndefined();
  });

  it('takes no NIB or 13 digits', () => {
    expect(nibProblems(undefined)).toEqual([]);
    expect(nibProblems('1234567890123')).toEqual([]);
    expect(nibProblems('123456789012')).toEqual([{ field: 'business.nib', rule: 'nib-digits', message: 'must be exactly 13 digits (the NIB from OSS)' }]);
    expect(nibProblems('12345678901AB')).toEqual([expect.objectContaining({ field: 'business.nib', rule: 'nib-digits' })]);
  });
});
