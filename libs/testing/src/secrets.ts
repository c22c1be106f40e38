import { randomBytes } from 'node:crypto';
import { testInternalTokenJwks, testInternalTokenSigningKey } from './test-tokens';

type TestSecret = 'NIK_ENCRYPTION_KEY' | 'NIK_INDEX_KEY' | 'CONTACT_SEAL_KEY' | 'SIGN_IN_CODE_HMAC_KEY' | 'SIGN_IN_CODE_SEAL_KEY' | 'IDEMPOTENCY_SEAL_KEY' | 'INTERNAL_TOKEN_JWKS' | 'INTERNAL_TOKEN_SIGNING_KEY';

/** Fresh keys for the settings services refuse to start without; one set shared by every service of a test. */
export function testSecrets(): Record<TestSecret, string> {
  const key = () => randomBytes(32).toString('base64');
  return {
    NIK_ENCRYPTION_KEY: key(),
    NIK_INDEX_KEY: key(),
    CONTACT_SEAL_KEY: key(),
    SIGN_IN_CODE_HMAC_KEY: key(),
    SIGN_IN_CODE_SEAL_KEY: key(),
    IDEMPOTENCY_SEAL_KEY: key(),
    INTERNAL_TOKEN_JWKS: testInternalTokenJwks(),
    INTERNAL_TOKEN_SIGNING_KEY: testInternalTokenSigningKey(),
  };
}
