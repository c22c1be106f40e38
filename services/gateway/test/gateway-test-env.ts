import { testSecrets } from '@sinergi/testing';

/** A service URL nothing listens at, for tests whose routes call no service. */
export const NOWHERE = 'http://127.0.0.1:9';

/** The settings a gateway under test needs beyond the harness's: service URLs (nowhere unless given), its public URL, sign-in code keys. */
export function gatewayTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const { SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY } = testSecrets();
  return {
    PROGRAM_URL: NOWHERE,
    ENROLLMENT_URL: NOWHERE,
    VENUE_CAPACITY_URL: NOWHERE,
    INSTRUCTOR_MODULE_URL: NOWHERE,
    NOTIFICATION_URL: NOWHERE,
    GATEWAY_PUBLIC_URL: 'http://localhost:3000',
    SIGN_IN_CODE_HMAC_KEY,
    SIGN_IN_CODE_SEAL_KEY,
    ...overrides,
  };
}
