import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { HarnessParts, registerTestAuthorizer, ServiceHarness, TestIssuer, testSecrets } from '@sinergi/testing';
import { gatewayService } from '../src/gateway.service-definition';

/** A service URL nothing listens at, for tests whose routes call no service. */
export const NOWHERE = 'http://127.0.0.1:9';

/** The settings a gateway under test needs beyond the harness's: service URLs (nowhere unless given), its public URL, sign-in code and idempotency keys. */
export function gatewayTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const { SIGN_IN_CODE_HMAC_KEY, SIGN_IN_CODE_SEAL_KEY, IDEMPOTENCY_SEAL_KEY } = testSecrets();
  return {
    PROGRAM_URL: NOWHERE,
    ENROLLMENT_URL: NOWHERE,
    VENUE_CAPACITY_URL: NOWHERE,
    INSTRUCTOR_MODULE_URL: NOWHERE,
    NOTIFICATION_URL: NOWHERE,
    GATEWAY_PUBLIC_URL: 'http://localhost:3000',
    SIGN_IN_CODE_HMAC_KEY,
    SIGN_IN_CODE_SEAL_KEY,
    IDEMPOTENCY_SEAL_KEY,
    ...overrides,
  };
}

/**
 * A gateway under test whose callers sign in at a TestIssuer: the harness's requests carry that issuer's access tokens.
 * Stop the issuer with the harness.
 */
export async function openGatewayWithIssuer<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  overrides: Record<string, string> = {},
): Promise<{ parts: HarnessParts<C>; issuer: TestIssuer }> {
  const issuer = await TestIssuer.start();
  const parts = await ServiceHarness.open(definition, [], gatewayTestEnv({ OIDC_ISSUER: issuer.issuer, ...overrides }));
  registerTestAuthorizer(parts.service.url, (principal) => issuer.authorization(principal));
  return { parts, issuer };
}

/**
 * A harness for a gateway under test (the real one unless a spec adds routes of its own) whose callers sign in at a
 * TestIssuer; `destroy()` stops the issuer too. Specs extend it with helpers of their own.
 */
export class GatewayWithIssuerHarness extends ServiceHarness {
  private issuer?: TestIssuer;

  // Public, so that `start` can build the spec's subclass.
  constructor(parts: HarnessParts) {
    super(parts);
  }

  static async start<H extends GatewayWithIssuerHarness>(
    this: new (parts: HarnessParts) => H,
    definition: ServiceDefinition<ServiceConfig> = gatewayService,
    overrides: Record<string, string> = {},
  ): Promise<H> {
    const { parts, issuer } = await openGatewayWithIssuer(definition, overrides);
    const harness = new this(parts);
    harness.issuer = issuer;
    return harness;
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.issuer?.stop();
  }
}
