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
