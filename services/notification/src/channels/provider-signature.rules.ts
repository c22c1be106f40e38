import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed request a receiver accepts, as in Stripe's scheme; it bounds replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The `X-Sinergi-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function signProviderRequest(secret: string, rawBody: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${nowSeconds},v1=${hmacHex(secret, nowSeconds, rawBody)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** The receiver's side of the contract, step by step as services/notification/README.md documents it. */
export function verifyProviderSignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const fields = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(fields.get('t'));
  const signature = fields.get('v1');
  if (!Number.isInteger(timestamp) || !signature || !/^[0-9a-f]{64}$/.test(signature)) {
    return { valid: false, reason: 'X-Sinergi-Signature must be t=<unix seconds>,v1=<64 hex digits>' };
  }
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return { valid: false, reason: `the signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s away from now` };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { valid: false, reason: 'the signature does not match the body' };
  return { valid: true };
}
