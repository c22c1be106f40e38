import { FieldError } from '@sinergi/contracts';

/** Indonesian mobile numbers as written locally or internationally: 08..., 628..., +628... (spaces and dashes allowed). */
const INDONESIAN_MOBILE = /^(\+62|62|0)8[0-9]{7,12}$/;

export const PHONE_RULE: FieldError = {
  field: 'phone',
  rule: 'indonesian-mobile',
  message: 'must be an Indonesian mobile number written 08..., 628... or +628..., with 7-12 digits after the 8',
};

/** 0812..., 62812... and +62812... all become +62812... (E.164); undefined when it is not such a number. The operator prefix is not checked. */
export function normalizePhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s-]/g, '');
  if (!INDONESIAN_MOBILE.test(compact)) return undefined;
  return `+62${compact.slice(compact.indexOf('8'))}`;
}

/** NIB (Nomor Induk Berusaha from OSS): 13 digits, with no public checksum. */
export function nibProblems(nib: string | undefined): FieldError[] {
  return nib === undefined || /^[0-9]{13}$/.test(nib) ? [] : [{ field: 'business.nib', rule: 'nib-digits', message: 'must be exactly 13 digits (the NIB from OSS)' }];
}
