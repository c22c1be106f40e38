/**
 * How personal data is shortened for a role that may see that a record exists but not whose it is
 * (the access table's `masked` reach). Enough stays to tell records apart on a screen.
 */

/** "Siti Nurhaliza" -> "S*** N***". */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part[0]}***`)
    .join(' ');
}

/** Keeps the country and mobile prefix and the last three digits: +62812345678 -> +628*****678. */
export function maskPhone(phone: string): string {
  const keepStart = phone.indexOf('8') + 1;
  const keepEnd = 3;
  if (keepStart <= 0 || phone.length <= keepStart + keepEnd) return '*'.repeat(phone.length);
  return `${phone.slice(0, keepStart)}${'*'.repeat(phone.length - keepStart - keepEnd)}${phone.slice(-keepEnd)}`;
}

/** "siti@example.id" -> "s***@example.id". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** All but the last two digits: 3201234567890012 -> **************12. */
export function maskNik(nik: string): string {
  return `${'*'.repeat(Math.max(nik.length - 2, 0))}${nik.slice(-2)}`;
}

/** Nothing of a birth date stays but its shape: 1990-05-15 -> ****-**-**. */
export function maskBirthDate(date: string): string {
  return date.replace(/\d/g, '*');
}

/** Which masking a field gets by its name (e.g. `nik`, `fullName`, `phone`, `contactEmail`, `birthDate`); undefined: not personal. */
function maskingOfField(name: string): ((value: string) => string) | undefined {
  const key = name.replace(/[_-]/g, '').toLowerCase();
  if (key === 'nik' || key.endsWith('nik')) return maskNik;
  if (key.includes('phone') || key.includes('msisdn')) return maskPhone;
  if (key.includes('email')) return maskEmail;
  if (key.includes('birth') || key === 'dob') return maskBirthDate;
  if (key.endsWith('name')) return maskName;
  return undefined;
}

const NIK_IN_TEXT = /(?<!\d)\d{16}(?!\d)/g;
const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;
const PHONE_IN_TEXT = /(?<![\d*])(?:\+62|62|0)8\d{7,12}(?!\d)/g;

/**
 * Free text (an error message, a header) with what looks like a NIK, an e-mail address or an Indonesian mobile
 * number masked. Names cannot be told from other words; they are masked where they sit in a named field.
 */
export function maskPersonalText(text: string): string {
  return text.replace(NIK_IN_TEXT, maskNik).replace(EMAIL_IN_TEXT, maskEmail).replace(PHONE_IN_TEXT, maskPhone);
}

/**
 * A JSON value with every field whose name is personal masked, at any depth (a personal field holding an object
 * or a list has each of its texts masked), and NIKs, e-mail addresses and phones masked in every other text.
 */
export function maskPersonalFields(value: unknown, masking?: (value: string) => string): unknown {
  if (typeof value === 'string') return masking ? masking(value) : maskPersonalText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return masking ? '***' : value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalFields(item, masking));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, maskPersonalFields(field, masking ?? maskingOfField(name))]));
  }
  return value;
}
