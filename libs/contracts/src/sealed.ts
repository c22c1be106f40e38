import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { s, SchemaValue } from './schema';

/**
 * Personal data that must travel on a topic (contact cards for notification) goes sealed:
 * AES-256-GCM under a key only the producer and the intended consumer hold, bound to the
 * subject's id so a sealed value cannot be replayed under another person's id.
 */
export const sealedPayloadSchema = s.object({
  /** Which key sealed it: the first 16 hex digits of the key's SHA-256, so keys can rotate. */
  keyId: s.pattern('^[0-9a-f]{16}$'),
  iv: s.string(64),
  ciphertext: s.string(20000),
  tag: s.string(64),
});
export type SealedPayload = SchemaValue<typeof sealedPayloadSchema>;

export interface SealKey {
  id: string;
  secret: Buffer;
}

/** A seal key from its base64 setting (32 bytes), e.g. CONTACT_SEAL_KEY. */
export function sealKeyFrom(base64: string): SealKey {
  const secret = Buffer.from(base64, 'base64');
  if (secret.length !== 32) throw new Error('a seal key must be 32 bytes in base64');
  return { id: createHash('sha256').update(secret).digest('hex').slice(0, 16), secret };
}

export function seal(value: object, key: SealKey, boundTo: string): SealedPayload {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { keyId: key.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Opens a sealed value with whichever of the keys sealed it; throws when none did or it was tampered with. */
export function unseal<T>(sealed: SealedPayload, keys: readonly SealKey[], boundTo: string): T {
  const key = keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key) throw new Error(`no seal key with id ${sealed.keyId}`);
  const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}
