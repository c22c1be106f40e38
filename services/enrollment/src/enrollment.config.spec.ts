import { randomBytes } from 'node:crypto';
import { loadConfig } from '@sinergi/platform';
import { EnrollmentConfig } from './enrollment.config';

const common = { HTTP_PORT: '0', DATABASE_URL: 'postgres://u:p@localhost:5432/sinergi_enrollment', KAFKA_BROKERS: '127.0.0.1:9092', INTERNAL_TOKEN_JWKS: '{"keys":[]}' };
const key = () => randomBytes(32).toString('base64');

describe('enrollment config', () => {
  it('refuses to start without the NIK keys, naming both', () => {
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', common)).toThrow(
      /NIK_ENCRYPTION_KEY: must be 32 random bytes in base64[^\n]*it is not set\)\n\s+- NIK_INDEX_KEY: must be 32 random bytes/,
    );
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, NIK_ENCRYPTION_KEY: randomBytes(16).toString('base64'), NIK_INDEX_KEY: key() })).toThrow(
      /NIK_ENCRYPTION_KEY: must be 32 random bytes/,
    );
  });

  it('refuses one key for both uses', () => {
    const same = key();
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, NIK_ENCRYPTION_KEY: same, NIK_INDEX_KEY: same })).toThrow(
      /NIK_INDEX_KEY: must differ from NIK_ENCRYPTION_KEY/,
    );
  });

  it('defaults the eligible ages to 18-64', () => {
    const config = loadConfig(EnrollmentConfig, 'enrollment', { ...common, NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key() });
    expect([config.ELIGIBLE_MIN_AGE, config.ELIGIBLE_MAX_AGE]).toEqual([18, 64]);
  });

  it('gives a promoted reserve at least 2 days to confirm unless told otherwise, and at most 30', () => {
    const keys = { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key() };
    expect(loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys }).PROMOTION_CONFIRM_DAYS).toBe(2);
    expect(loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, PROMOTION_CONFIRM_DAYS: '5' }).PROMOTION_CONFIRM_DAYS).toBe(5);
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, PROMOTION_CONFIRM_DAYS: '31' })).toThrow(
      /PROMOTION_CONFIRM_DAYS: must be between 0 and 30/,
    );
  });

  it('needs a contact seal key that is neither NIK key', () => {
    const keys = { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key() };
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys })).toThrow(/CONTACT_SEAL_KEY: must be 32 random bytes/);
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, CONTACT_SEAL_KEY: keys.NIK_INDEX_KEY })).toThrow(
      /CONTACT_SEAL_KEY: must differ from NIK_INDEX_KEY/,
    );
  });

  it('checks the stub identity adapter settings', () => {
    const keys = { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key() };
    expect(loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys }).IDENTITY_CHECK_STUB_NO_MATCH_SERIALS).toBe('9999');
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, IDENTITY_CHECK_STUB_NO_MATCH_SERIALS: '99' })).toThrow(
      /IDENTITY_CHECK_STUB_NO_MATCH_SERIALS: must be 4-digit NIK serials/,
    );
    expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, IDENTITY_CHECK_ADAPTER: 'dukcapil' })).toThrow(
      /IDENTITY_CHECK_ADAPTER: must be one of stub/,
    );
  });

  it('links certificates to the portal at PORTAL_PUBLIC_URL, refusing a URL with a trailing slash', () => {
    const keys = { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key() };
    expect(loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys }).PORTAL_PUBLIC_URL).toBe('http://localhost:3000/portal');
    expect(loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, PORTAL_PUBLIC_URL: 'https://sinergi.kemnaker.go.id/portal' }).PORTAL_PUBLIC_URL).toBe(
      'https://sinergi.kemnaker.go.id/portal',
    );
    for (const wrong of ['https://sinergi.kemnaker.go.id/portal/', 'sinergi.kemnaker.go.id', 'https://x.id/portal?a=1'])
      expect(() => loadConfig(EnrollmentConfig, 'enrollment', { ...common, ...keys, PORTAL_PUBLIC_URL: wrong })).toThrow(/PORTAL_PUBLIC_URL: must be an http\(s\) URL/);
  });
});
