import { normalizePhone, profileOf } from './instructor.rules';

describe('instructor rules', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
  ])('normalises %s to E.164', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('builds a profile without name or contact details', () => {
    const profile = profileOf({
      id: '6f1c2b0e-6c4e-4a43-9a51-2f3f0c1c9a10',
      homeProvinceCode: '32',
      competencies: ['KWU-02', 'KWU-01'],
      maxClassesPerPeriod: 4,
      active: true,
    });
    expect(profile).toEqual({
      instructorId: '6f1c2b0e-6c4e-4a43-9a51-2f3f0c1c9a10',
      homeProvinceCode: '32',
      competencies: ['KWU-01', 'KWU-02'],
      maxClassesPerPeriod: 4,
      active: true,
    });
  });
});
