import { completes } from '../attendance/attendance.rules';
import { documentNumber, newVerificationCode, normalizeVerificationCode } from './certificate.rules';

describe('certificate rules', () => {
  it('makes 10-character Crockford codes that differ each time', () => {
    const codes = Array.from({ length: 50 }, () => newVerificationCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('reads a typed code the Crockford way and refuses what cannot be a code', () => {
    expect(normalizeVerificationCode('7hk2-m9pq-0z')).toBe('7HK2M9PQ0Z');
    expect(normalizeVerificationCode('7HK2M9PQOZ')).toBe('7HK2M9PQ0Z');
    expect(normalizeVerificationCode('7HK2M9PQil')).toBe('7HK2M9PQ11');
    expect(normalizeVerificationCode('7HK2M9PQ0U')).toBeUndefined();
    expect(normalizeVerificationCode('7HK2M9PQ0')).toBeUndefined();
  });

  it('numbers certificates and letters readably, per class', () => {
    const batchId = '3f2a9c1b-1111-4222-8333-444455556666';
    expect(documentNumber('certificate', batchId, '2026-05-16', 7)).toBe('SNG/2026/3F2A9C1B/007');
    expect(documentNumber('letter', batchId, '2026-05-16', 2)).toBe('SNG/SK/2026/3F2A9C1B/002');
  });

  it('completes at the minimum share of days and not below', () => {
    expect(completes(4, 5, 80)).toBe(true);
    expect(completes(3, 5, 80)).toBe(false);
    expect(completes(5, 6, 80)).toBe(true);
    expect(completes(4, 6, 80)).toBe(false);
  });
});
