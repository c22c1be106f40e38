import { eligibilityProblems, EligibilityInput } from './eligibility.rules';

function input(overrides: Partial<EligibilityInput> = {}, participant: Partial<EligibilityInput['participant']> = {}): EligibilityInput {
  return {
    participant: { birthDate: '1985-03-12', provinceCode: '32', businessScale: 'micro', ...participant },
    prioritySegments: ['micro', 'small'],
    startDate: '2025-05-05',
    classesInProvince: 2,
    minAge: 18,
    maxAge: 64,
    ...overrides,
  };
}

describe('eligibility rules', () => {
  it('finds a micro business owner of 40 with a class in their province eligible', () => {
    expect(eligibilityProblems(input())).toEqual([]);
  });

  it('needs the business scale among the priority segments', () => {
    expect(eligibilityProblems(input({}, { businessScale: 'medium' }))).toEqual([
      { field: 'business.scale', rule: 'medium businesses are not a priority segment of this programme (micro, small)' },
    ]);
  });

  it('counts age on the start date, both limits included', () => {
    expect(eligibilityProblems(input({}, { birthDate: '2007-05-05' }))).toEqual([]);
    expect(eligibilityProblems(input({}, { birthDate: '2007-05-06' }))).toEqual([
      { field: 'birthDate', rule: 'age on 2025-05-05 (the class start) is 17; it must be between 18 and 64' },
    ]);
    expect(eligibilityProblems(input({}, { birthDate: '1960-05-06' }))).toEqual([]);
    expect(eligibilityProblems(input({}, { birthDate: '1960-05-05' }))).toEqual([
      { field: 'birthDate', rule: 'age on 2025-05-05 (the class start) is 65; it must be between 18 and 64' },
    ]);
  });

  it('needs a class in the participant province', () => {
    expect(eligibilityProblems(input({ classesInProvince: 0 }))).toEqual([
      { field: 'provinceCode', rule: 'the programme has no confirmed class in province 32' },
    ]);
  });

  it('needs a named class to be in the participant province', () => {
    expect(eligibilityProblems(input({ namedClass: { provinceCode: '32' } }))).toEqual([]);
    expect(eligibilityProblems(input({ namedClass: { provinceCode: '33' } }))).toEqual([
      { field: 'batchId', rule: "the class is in province 33, not the participant's province 32" },
    ]);
  });

  it('gives every reason at once', () => {
    expect(eligibilityProblems(input({ classesInProvince: 0 }, { businessScale: 'medium', birthDate: '2010-01-01' }))).toHaveLength(3);
  });
});
