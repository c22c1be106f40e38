import { randomBytes } from 'node:crypto';

/** Fresh keys for the settings services refuse to start without; one set shared by every service of a test. */
export function testSecrets(): Record<'NIK_ENCRYPTION_KEY' | 'NIK_INDEX_KEY' | 'CONTACT_SEAL_KEY', string> {
  const key = () => randomBytes(32).toString('base64');
  return { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key() };
}
