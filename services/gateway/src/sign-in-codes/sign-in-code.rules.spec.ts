import { isCodeShaped, newCode, signInIdentifierOf } from './sign-in-code.rules';

describe('sign-in code rules', () => {
  it('reads a phone in any local or international form as one +628... number', () => {
    for (const phone of ['081234567890', '6281234567890', '+6281234567890', ' 0812-3456-7890 ', '+62 812 3456 7890']) {
      expect(signInIdentifierOf(phone)).toEqual({ channel: 'phone', normalized: '+6281234567890' });
    }
  });

  it('reads an e-mail address in lower case', () => {
    expect(signInIdentifierOf(' Siti.Rahayu@Contoh.ID ')).toEqual({ channel: 'email', normalized: 'siti.rahayu@contoh.id' });
  });

  it('reads neither a landline, a foreign number nor a malformed address', () => {
    for (const other of ['0215551234', '+6591234567', 'siti@', 'siti rahayu@contoh.id', 'not a contact', '']) expect(signInIdentifierOf(other)).toBeUndefined();
  });

  it('makes six-digit codes, leading zeros kept', () => {
    const codes = Array.from({ length: 200 }, newCode);
    expect(codes.every(isCodeShaped)).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(150);
    expect(isCodeShaped('012345')).toBe(true);
    expect(['12345', '1234567', '12345a', ' 123456'].some(isCodeShaped)).toBe(false);
  });
});
