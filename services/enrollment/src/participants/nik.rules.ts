import { FieldError, Gender, isRealDate, PROVINCE_CODES } from '@sinergi/contracts';

/** What the registration says about the person, to check the NIK against. */
export interface NikClaims {
  birthDate: string;
  gender: Gender;
}

/** Women's NIKs carry the day of birth plus 40. */
const WOMAN_DAY_OFFSET = 40;

/**
 * The offline NIK rules (`PP KK CC DDMMYY SSSS`): each problem a field error of `nik`, empty when the NIK passes.
 * Only Dukcapil can say whether a NIK exists; these rules only reject NIKs that cannot be right.
 * Problems never quote the NIK's digits.
 */
export function nikProblems(nik: string, claims: NikClaims): FieldError[] {
  const problem = (rule: string, message: string): FieldError => ({ field: 'nik', rule, message });
  if (!/^[0-9]{16}$/.test(nik)) return [problem('nik-digits', 'must be exactly 16 digits')];
  const problems: FieldError[] = [];
  if (!PROVINCE_CODES.includes(nik.slice(0, 2))) problems.push(problem('nik-province', 'digits 1-2 are not a Kemendagri province code'));
  if (nik.slice(2, 4) === '00') problems.push(problem('nik-regency', 'the regency code (digits 3-4) must not be 00'));
  if (nik.slice(4, 6) === '00') problems.push(problem('nik-district', 'the district code (digits 5-6) must not be 00'));
  const birth = nikBirth(nik);
  if (!birth) {
    problems.push(problem('nik-birth-date', 'digits 7-12 are not a real date of birth (DDMMYY, with 40 added to the day for women)'));
  } else {
    if (!sameBirthDate(birth, claims.birthDate)) problems.push(problem('nik-matches-birth-date', 'the birth date in the NIK (digits 7-12) does not match birthDate'));
    if (birth.gender !== claims.gender) {
      const marks = birth.gender === 'F' ? 'a woman (day plus 40)' : 'a man (day not plus 40)';
      problems.push(problem('nik-matches-gender', `the day in the NIK (digits 7-8) marks ${marks}, which does not match gender ${claims.gender}`));
    }
  }
  if (nik.slice(12) === '0000') problems.push(problem('nik-serial', 'the serial number (digits 13-16) must not be 0000'));
  return problems;
}

/** Hides all but the birth date and the last two digits, as MASKED_NIK_PATTERN: `******DDMMYY**SS`. */
export function maskNik(nik: string): string {
  return `******${nik.slice(6, 12)}**${nik.slice(14)}`;
}

interface NikBirth {
  day: number;
  month: number;
  /** Two digits: the NIK does not say the century. */
  yearOfCentury: number;
  gender: Gender;
}

function nikBirth(nik: string): NikBirth | undefined {
  const rawDay = Number(nik.slice(6, 8));
  const gender: Gender = rawDay > WOMAN_DAY_OFFSET ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - WOMAN_DAY_OFFSET : rawDay;
  const month = Number(nik.slice(8, 10));
  const yearOfCentury = Number(nik.slice(10, 12));
  const real = isRealDate(1900 + yearOfCentury, month, day) || isRealDate(2000 + yearOfCentury, month, day);
  return real ? { day, month, yearOfCentury, gender } : undefined;
}

function sameBirthDate(birth: NikBirth, birthDate: string): boolean {
  const [year, month, day] = birthDate.split('-').map(Number);
  return birth.day === day && birth.month === month && birth.yearOfCentury === year % 100;
}
