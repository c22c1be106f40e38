import { InstructorProfile } from '@sinergi/contracts';

/** Indonesian mobile numbers as written locally or internationally: 08..., 628..., +628... */
export const INDONESIAN_MOBILE = /^(\+62|62|0)8[0-9]{7,12}$/;

/** 0812..., 62812... and +62812... all become +62812... (E.164); the operator prefix is not checked. */
export function normalizePhone(phone: string): string {
  return `+62${phone.slice(phone.indexOf('8'))}`;
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
