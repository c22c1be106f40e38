import { randomBytes } from 'node:crypto';
import { testInternalTokenJwks } from './test-tokens';

/** Fresh keys for the settings services refuse to start without; one set shared by every service of a test. */
export function testSecrets(): Record<'NIK_ENCRYPTION_KEY' | 'NIK_INDEX_KEY' | 'CONTACT_SEAL_KEY' | 'INTERNAL_TOKEN_JWKS', string> {
  const key = () => randomBytes(32).toString('base64');
  return { NIK_ENCRYPTION_KEY: key(), NIK_INDEX_KEY: key(), CONTACT_SEAL_KEY: key(), INTERNAL_TOKEN_JWKS: testInternalTokenJwks() };
}
