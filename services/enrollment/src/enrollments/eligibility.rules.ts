import { ageOn, BusinessScale, EnrollmentProblem } from '@sinergi/contracts';

export interface EligibilityInput {
  participant: { birthDate: string; provinceCode: string; businessScale: BusinessScale };
  prioritySegments: readonly BusinessScale[];
  /** The day age is counted on: the named class's start, or else the programme's. */
  startDate: string;
  /** Classes of the programme in the participant's province. */
  classesInProvince: number;
  /** The class the participant asked for, if any. */
  namedClass?: { provinceCode: string };
  minAge: number;
  maxAge: number;
}

/** Every reason the participant cannot enroll, each naming the field and the rule; empty when eligible. */
export function eligibilityProblems(input: EligibilityInput): EnrollmentProblem[] {
  const { participant } = input;
  const problems: EnrollmentProblem[] = [];
  if (!input.prioritySegments.includes(participant.businessScale)) {
    problems.push({
      field: 'business.scale',
      rule: `${participant.businessScale} businesses are not a priority segment of this programme (${input.prioritySegments.join(', ')})`,
    });
  }
  const age = ageOn(participant.birthDate, input.startDate);
  if (age < input.minAge || age > input.maxAge) {
    problems.push({
      field: 'birthDate',
      rule: `age on ${input.startDate} (the class start) is ${age}; it must be between ${input.minAge} and ${input.maxAge}`,
    });
  }
  if (input.namedClass && input.namedClass.provinceCode !== participant.provinceCode) {
    problems.push({
      field: 'batchId',
      rule: `the class is in province ${input.namedClass.provinceCode}, not the participant's province ${participant.provinceCode}`,
    });
  } else if (input.classesInProvince === 0) {
    problems.push({ field: 'provinceCode', rule: `the programme has no confirmed class in province ${participant.provinceCode}` });
  }
  return problems;
}
