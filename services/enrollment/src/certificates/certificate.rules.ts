import { randomInt } from 'node:crypto';
import type { EnrollmentDocumentKind } from '@sinergi/contracts';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 10;

/** 10 random Crockford characters: 50 bits, too many to guess, few enough to type. */
export function newVerificationCode(): string {
  return Array.from({ length: VERIFICATION_CODE_LENGTH }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
}

/**
 * A code as someone typed it, in Crockford's canonical form (upper case, hyphens and spaces dropped, I and L read as 1,
 * O as 0); undefined when it cannot be a code.
 */
export function normalizeVerificationCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[-\s]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === VERIFICATION_CODE_LENGTH && [...code].every((char) => CROCKFORD.includes(char)) ? code : undefined;
}

/**
 * A readable, unique number: SNG/<year the class ended>/<first 8 characters of the class id>/<n within the class>,
 * with SK (surat keterangan) before the year for a participation letter, e.g. SNG/2026/3F2A9C1B/007, SNG/SK/2026/3F2A9C1B/002.
 */
export function documentNumber(kind: EnrollmentDocumentKind, batchId: string, classEndDate: string, sequence: number): string {
  const prefix = kind === 'certificate' ? 'SNG' : 'SNG/SK';
  return `${prefix}/${classEndDate.slice(0, 4)}/${batchId.slice(0, 8).toUpperCase()}/${String(sequence).padStart(3, '0')}`;
}

/** The public page that checks a code: the portal's /verify/<code>, also printed (and as a QR code) on the certificate. */
export function verificationUrlOf(portalPublicUrl: string, code: string): string {
  return `${portalPublicUrl}/verify/${code}`;
}
