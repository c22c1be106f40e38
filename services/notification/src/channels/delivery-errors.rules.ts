const EMAIL_ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
const PHONE_NUMBER = /\+?\d[\d -]{6,}\d/g;

/**
 * An SMTP server's or a provider's error text often repeats the recipient's address or number;
 * error messages end up in logs and delivery records, so contacts are cut out first.
 */
export function redactContacts(text: string, maxLength = 300): string {
  const redacted = text.replace(EMAIL_ADDRESS, '<address>').replace(PHONE_NUMBER, '<number>');
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength)}...` : redacted;
}
