import { InstructorProfile } from '@sinergi/contracts';

/** Indonesian mobile numbers as written locally or internationally: 08..., 628..., +628... */
export const INDONESIAN_MOBILE = /^(\+62|62|0)8[0-9]{7,12}$/;

/** 0812..., 62812... and +62812... all become +62812... (E.164); the operator prefix is not checked. */
export function normalizePhone(phone: string): string {
  return `+62${phone.slice(phone.indexOf('8'))}`;
}

/** Keeps the country and mobile prefix and the last three digits: +62812345678 -> +628*****678. */
export function maskPhone(phone: string): string {
  const keepStart = phone.indexOf('8') + 1;
  const keepEnd = 3;
  if (keepStart <= 0 || phone.length <= keepStart + keepEnd) return '*'.repeat(phone.length);
  return `${phone.slice(0, keepStart)}${'*'.repeat(phone.length - keepStart - keepEnd)}${phone.slice(-keepEnd)}`;
}

/** Keeps the first letter and the domain: siti@example.id -> s***@example.id. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export interface ProfileSource {
  id: string;
  homeProvinceCode: string;
  competencies: string[];
  maxClassesPerPeriod: number;
  active: boolean;
}

/** What other services may know: never the name or contact details. */
export function profileOf(instructor: ProfileSource): InstructorProfile {
  return {
    instructorId: instructor.id,
    homeProvinceCode: instructor.homeProvinceCode,
    competencies: [...instructor.competencies].sort(),
    maxClassesPerPeriod: instructor.maxClassesPerPeriod,
    active: instructor.active,
  };
}
