import { DeliveryError } from './channel.port';

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

/** Failures of the connection itself, before any SMTP reply: the server may answer next time. */
const CONNECTION_ERROR_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY']);

export interface SmtpFailure extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** 5xx replies and an envelope nodemailer refuses (no valid recipient) are permanent; 4xx and a lost connection are not. */
export function classifySmtpError(error: SmtpFailure): DeliveryError {
  const reply = error.responseCode;
  const detail = redactContacts(error.response ?? error.message);
  if (reply !== undefined && reply >= 500) return new DeliveryError(`SMTP server refused the message (${reply}): ${detail}`, true);
  if (reply !== undefined && reply >= 400) return new DeliveryError(`SMTP server deferred the message (${reply}): ${detail}`, false);
  if (error.code === 'EENVELOPE') return new DeliveryError(`invalid envelope: ${detail}`, true);
  if (error.code !== undefined && CONNECTION_ERROR_CODES.has(error.code)) {
    return new DeliveryError(`could not reach the SMTP server (${error.code}): ${detail}`, false);
  }
  return new DeliveryError(`SMTP send failed${error.code ? ` (${error.code})` : ''}: ${detail}`, false);
}

/** A request that got no answer: a timeout or a network error, either of which may pass next time. */
export function networkFailure(error: Error, timeoutMs: number): DeliveryError {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return new DeliveryError(`the messaging provider did not answer within ${timeoutMs} ms`, false);
  }
  const cause = (error.cause as Error | undefined)?.message ?? error.message;
  return new DeliveryError(`could not reach the messaging provider: ${redactContacts(cause)}`, false);
}

/** The providerMessageId a 2xx answer must carry; an answer without it breaks the contract, and is transient. */
export function providerMessageIdFrom(responseText: string): string {
  try {
    const id = (JSON.parse(responseText) as { providerMessageId?: unknown }).providerMessageId;
    if (typeof id === 'string' && id !== '') return id;
  } catch {
    // fall through: a 2xx without the id breaks the contract, but the message may have been taken
  }
  // Transient: a retry carries the same Idempotency-Key, so the provider answers with the message it already has.
  throw new DeliveryError('the messaging provider answered 2xx without a providerMessageId', false);
}

/** 408, 429 and 5xx may pass on a retry; any other non-2xx (400, 401 bad signature, 422, 3xx) will not. */
export function classifyProviderResponse(status: number, responseText: string): DeliveryError {
  const detail = responseText ? `: ${redactContacts(responseText)}` : '';
  const transient = status === 408 || status === 429 || status >= 500;
  if (status === 401) return new DeliveryError(`the messaging provider refused the signature (401); check MESSAGING_PROVIDER_SECRET${detail}`, true);
  return new DeliveryError(`the messaging provider answered ${status}${detail}`, !transient);
}
