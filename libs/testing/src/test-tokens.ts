import { generateInternalTokenKeys, InternalTokenKeys, mintInternalToken, Principal, ServiceName } from '@sinergi/contracts';

/** Whom a test speaks for by default: every staff role, no participant or venue scope. */
export const TEST_STAFF: Principal = {
  subject: 'test-staff',
  roles: ['kemnaker-admin', 'kemenumkm-admin', 'integration-operator'],
  venueCodes: [],
};

let keys: InternalTokenKeys | undefined;

/** The test process's stand-in for the gateway's internal signing key (one per process, so spawned services share it). */
function testKeys(): InternalTokenKeys {
  keys ??= generateInternalTokenKeys();
  return keys;
}

/** INTERNAL_TOKEN_JWKS for services under test. */
export function testInternalTokenJwks(): string {
  return JSON.stringify(testKeys().publicJwks);
}

/** INTERNAL_TOKEN_SIGNING_KEY for a gateway under test: the private half of the same pair. */
export function testInternalTokenSigningKey(): string {
  return JSON.stringify(testKeys().privateJwk);
}

/** An internal token as the gateway would mint it for this principal and service. */
export function testToken(service: ServiceName, principal: Principal = TEST_STAFF): Promise<string> {
  return mintInternalToken(principal, service, testKeys().privateJwk);
}

/** The Authorization header a call to one process under test carries for a principal. */
export type TestAuthorizer = (principal: Principal) => Promise<Record<string, string>>;

const authorizersByOrigin = new Map<string, TestAuthorizer>();

/** Remembers which service listens at a URL, so that calls to it carry an internal token for it. */
export function registerTestService(url: string, service: ServiceName): void {
  registerTestAuthorizer(url, async (principal) => ({ authorization: `Bearer ${await testToken(service, principal)}` }));
}

/** How calls to a URL are authorised instead: the gateway under test takes access tokens of a TestIssuer. */
export function registerTestAuthorizer(url: string, authorizer: TestAuthorizer): void {
  authorizersByOrigin.set(new URL(url).origin, authorizer);
}

/**
 * The Authorization header for a call to a service under test, as `principal` (TEST_STAFF unless
 * given; `null` for none). A URL no test service listens at gets none.
 */
export async function testAuthorization(url: string, principal: Principal | null = TEST_STAFF): Promise<Record<string, string>> {
  const authorizer = authorizersByOrigin.get(new URL(url).origin);
  if (!authorizer || principal === null) return {};
  return authorizer(principal);
}
