import { maskEmail, maskName, maskPhone } from './masking';

describe('masking personal data', () => {
  it('keeps the initial of each name', () => {
    expect(maskName('Siti  Nurhaliza')).toBe('S*** N***');
  });

  it('keeps the mobile prefix and the last three digits of a phone', () => {
    expect(maskPhone('0812345123')).toBe('08*****123');
    expect(maskPhone('+6281234567890')).toBe('+628*******890');
    expect(maskPhone('0812')).toBe('****');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskEmail('siti@example.id')).toBe('s***@example.id');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});
