import { maskEmail, maskPhone, normalizePhone, profileOf } from './instructor.rules';

describe('instructor rules', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
  ])('normalises %s to E.164', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('masks a phone keeping only its mobile prefix and last three digits', () => {
    expect(maskPhone('0812345123')).toBe('08*****123');
    expect(maskPhone('+6281234567890')).toBe('+628*******890');
  });

  it('masks a phone too short to show anything entirely', () => {
    expect(maskPhone('0812')).toBe('****');
  });

  it('masks an email keeping the first letter and the domain', () => {
    expect(maskEmail('siti.rahma@umkm.go.id')).toBe('s***@umkm.go.id');
    expect(maskEmail('not-an-email')).toBe('***');
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
