import { randomBytes, randomUUID } from 'node:crypto';
import { EnrollmentConfig } from '../enrollment.config';
import { NikVault } from './nik-vault.service';

function vault(indexKey = randomBytes(32).toString('base64')): NikVault {
  return new NikVault(Object.assign(new EnrollmentConfig(), { NIK_ENCRYPTION_KEY: randomBytes(32).toString('base64'), NIK_INDEX_KEY: indexKey }));
}

describe('NikVault', () => {
  const nik = '3273051203850001';

  it('encrypts so that the NIK is not in the ciphertext, differently each time, and decrypts it back', () => {
    const subject = vault();
    const id = randomUUID();
    const sealed = subject.seal(nik, id);
    expect(sealed.toString('latin1')).not.toContain(nik);
    expect(subject.seal(nik, id).equals(sealed)).toBe(false);
    expect(subject.open(sealed, id)).toBe(nik);
  });

  it('does not decrypt a ciphertext moved to another participant', () => {
    const subject = vault();
    expect(() => subject.open(subject.seal(nik, randomUUID()), randomUUID())).toThrow();
  });

  it('gives one blind index per NIK and key', () => {
    const key = randomBytes(32).toString('base64');
    expect(vault(key).blindIndex(nik).equals(vault(key).blindIndex(nik))).toBe(true);
    expect(vault(key).blindIndex(nik).equals(vault(key).blindIndex('3273051203850002'))).toBe(false);
    expect(vault().blindIndex(nik).equals(vault().blindIndex(nik))).toBe(false);
  });
});
