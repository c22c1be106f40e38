import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealedPayload } from './sealed-payload';

export { sealedPayloadSchema, type SealedPayload } from './sealed-payload';

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
