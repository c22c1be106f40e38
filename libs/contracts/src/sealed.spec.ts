import { randomBytes } from 'node:crypto';
import { seal, sealKeyFrom, unseal } from './sealed';

describe('sealed payloads', () => {
  const key = sealKeyFrom(randomBytes(32).toString('base64'));
  const card = { fullName: 'Siti Aminah', phone: '+6281234567890' };

  it('opens what it sealed, for the same subject', () => {
    const sealed = seal(card, key, 'participant-1');
    expect(sealed.ciphertext).not.toContain('Siti');
    expect(unseal(sealed, [key], 'participant-1')).toEqual(card);
  });

  it('refuses a value moved to another subject', () => {
    expect(() => unseal(seal(card, key, 'participant-1'), [key], 'participant-2')).toThrow();
  });

  it('refuses a value sealed with a key it does not hold', () => {
    const other = sealKeyFrom(randomBytes(32).toString('base64'));
    expect(() => unseal(seal(card, other, 'participant-1'), [key], 'participant-1')).toThrow(/no seal key/);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => sealKeyFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
