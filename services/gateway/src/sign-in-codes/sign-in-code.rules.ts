import { randomInt } from 'node:crypto';
import type { SignInCodeChannel } from '@sinergi/contracts';

export const CODE_DIGITS = 6;
export const CODE_LIFETIME_MS = 5 * 60_000;
/** Wrong tries a code survives; the next one spends it. */
export const MAX_WRONG_TRIES = 5;

/** Code requests admitted per window: per identifier and per participant (a phone and an e-mail share one), per client address. */
export const REQUEST_WINDOW_MINUTES = 15;
export const REQUEST_LIMITS = { identifier: 3, participant: 3, address: 10 } as const;
export type RequestScope = keyof typeof REQUEST_LIMITS;

export interface SignInIdentifier {
  channel: SignInCodeChannel;
  /** One form per contact: +628... for a phone, lower case for an e-mail address. */
  normalized: string;
}

const INDONESIAN_MOBILE = /^(\+62|62|0)8[0-9]{7,12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone (as enrollment reads it: 08..., 628..., +628..., spaces and dashes allowed) or an e-mail address; undefined otherwise. */
export function signInIdentifierOf(raw: string): SignInIdentifier | undefined {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) return EMAIL.test(trimmed) && trimmed.length <= 200 ? { channel: 'email', normalized: trimmed.toLowerCase() } : undefined;
  const compact = trimmed.replace(/[\s-]/g, '');
  return INDONESIAN_MOBILE.test(compact) ? { channel: 'phone', normalized: `+62${compact.slice(compact.indexOf('8'))}` } : undefined;
}

export function newCode(): string {
  return randomInt(0, 10 ** CODE_DIGITS).toString().padStart(CODE_DIGITS, '0');
}

export function isCodeShaped(code: string): boolean {
  return new RegExp(`^[0-9]{${CODE_DIGITS}}$`).test(code);
}
