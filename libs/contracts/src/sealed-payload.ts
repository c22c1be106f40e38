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
