import { maskNik, NikClaims, nikProblems as nikFieldErrors } from './nik.rules';
import { MASKED_NIK_PATTERN } from '@sinergi/contracts';

const man = { birthDate: '1985-03-12', gender: 'M' as const };
const woman = { birthDate: '1990-07-05', gender: 'F' as const };
/** The problems as `field: message`, as registration's answer words them. */
const nikProblems = (nik: string, claims: NikClaims): string[] => nikFieldErrors(nik, claims).map(({ field, message }) => `${field}: ${message}`);

const MAN_NIK = '3273051203850001';
const WOMAN_NIK = '3273054507900002';

describe('NIK rules', () => {
  it('accepts a man and a woman (day plus 40) whose NIK matches their birth date and gender', () => {
    expect(nikProblems(MAN_NIK, man)).toEqual([]);
    expect(nikProblems(WOMAN_NIK, woman)).toEqual([]);
  });

  it('accepts the six Papua provinces by their Kemendagri codes, not their BPS codes', () => {
    for (const code of ['91', '92', '93', '94', '95', '96']) expect(nikProblems(`${code}71011203850001`, man)).toEqual([]);
    expect(nikProblems('9771011203850001', man)).toEqual(['nik: digits 1-2 are not a Kemendagri province code']);
  });

  it('names each broken rule', () => {
    expect(nikFieldErrors('3200001203850000', man).map(({ field, rule }) => [field, rule])).toEqual([
      ['nik', 'nik-regency'],
      ['nik', 'nik-district'],
      ['nik', 'nik-serial'],
    ]);
  });

  it('needs exactly 16 digits, and then checks nothing else', () => {
    expect(nikProblems('327305120385001', man)).toEqual(['nik: must be exactly 16 digits']);
    expect(nikProblems('32730512038500011', man)).toEqual(['nik: must be exactly 16 digits']);
    expect(nikProblems('32730512038500A1', man)).toEqual(['nik: must be exactly 16 digits']);
  });

  it('refuses a province code that does not exist', () => {
    expect(nikProblems('2073051203850001', man)).toEqual(['nik: digits 1-2 are not a Kemendagri province code']);
  });

  it('refuses regency or district 00', () => {
    expect(nikProblems('3200051203850001', man)).toEqual(['nik: the regency code (digits 3-4) must not be 00']);
    expect(nikProblems('3273001203850001', man)).toEqual(['nik: the district code (digits 5-6) must not be 00']);
  });

  it('refuses a birth date that does not exist, for men and for women', () => {
    const notADate = 'nik: digits 7-12 are not a real date of birth (DDMMYY, with 40 added to the day for women)';
    expect(nikProblems('3273053102850001', man)).toEqual([notADate]);
    expect(nikProblems('3273057102850001', woman)).toEqual([notADate]);
    expect(nikProblems('3273051213850001', man)).toEqual([notADate]);
    expect(nikProblems('3273050003850001', man)).toEqual([notADate]);
    expect(nikProblems('3273053503850001', man)).toEqual([notADate]);
  });

  it('accepts 29 February of a leap year', () => {
    expect(nikProblems('3273052902000001', { birthDate: '2000-02-29', gender: 'M' })).toEqual([]);
  });

  it('refuses serial 0000', () => {
    expect(nikProblems('3273051203850000', man)).toEqual(['nik: the serial number (digits 13-16) must not be 0000']);
  });

  it('refuses a NIK whose birth date is not birthDate', () => {
    expect(nikProblems(MAN_NIK, { ...man, birthDate: '1985-03-13' })).toEqual([
      'nik: the birth date in the NIK (digits 7-12) does not match birthDate',
    ]);
    expect(nikProblems(MAN_NIK, { ...man, birthDate: '1995-03-12' })).toEqual([
      'nik: the birth date in the NIK (digits 7-12) does not match birthDate',
    ]);
  });

  it('refuses a NIK whose day marks the other gender', () => {
    expect(nikProblems(MAN_NIK, { ...man, gender: 'F' })).toEqual([
      'nik: the day in the NIK (digits 7-8) marks a man (day not plus 40), which does not match gender F',
    ]);
    expect(nikProblems(WOMAN_NIK, { ...woman, gender: 'M' })).toEqual([
      'nik: the day in the NIK (digits 7-8) marks a woman (day plus 40), which does not match gender M',
    ]);
  });

  it('lists every problem at once', () => {
    expect(nikProblems('9900001203850000', man)).toHaveLength(4);
  });

  it('masks all but the birth date and the last two digits, as the contracts require', () => {
    expect(maskNik(WOMAN_NIK)).toBe('******450790**02');
    expect(maskNik(MAN_NIK)).toMatch(new RegExp(MASKED_NIK_PATTERN));
  });
});
