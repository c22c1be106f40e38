import { HttpException } from '@nestjs/common';
import { Principal } from '@sinergi/contracts';
import { Unauthenticated } from '@sinergi/platform';
import { TestIssuer } from '@sinergi/testing';
import { GatewayConfig } from '../gateway.config';
import { OidcAccessTokenVerifier } from './oidc-access-token-verifier';

const officer: Principal = { subject: 'officer-1', roles: ['venue-operator'], venueCodes: ['BBPVP-SERANG'] };

function configFor(issuer: string, settings: Partial<GatewayConfig> = {}): GatewayConfig {
  return Object.assign(new GatewayConfig(), { GATEWAY_PUBLIC_URL: 'http://localhost:3000', OIDC_ISSUER: issuer, ...settings });
}

describe('OidcAccessTokenVerifier', () => {
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
  });

  afterAll(() => issuer.stop());

  const bearer = async (options?: Parameters<TestIssuer['accessToken']>[1]) => `Bearer ${await issuer.accessToken(officer, options)}`;
  const ruleOf = (error: unknown) => (error instanceof Unauthenticated ? error.errors[0].rule : String(error));

  it('reads the principal of a valid access token', async () => {
    const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer));
    await expect(verifier.principalOf(await bearer())).resolves.toEqual({ ...officer, instructorId: undefined, participantId: undefined });
  });

  it('reads roles at a dotted claim path and ignores role names it does not know', async () => {
    const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer, { OIDC_ROLES_CLAIM: 'realm_access.roles' }));
    const token = await issuer.accessToken({ ...officer, roles: ['viewer', 'offline_access' as never] }, { rolesClaim: 'realm_access.roles' });
    await expect(verifier.principalOf(`Bearer ${token}`)).resolves.toEqual(expect.objectContaining({ roles: ['viewer'] }));
  });

  it("refuses a token whose subject is one of the gateway's own", async () => {
    const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer));
    const token = await issuer.accessToken({ subject: 'gateway:sign-in', roles: [], venueCodes: [] });
    expect(ruleOf(await verifier.principalOf(`Bearer ${token}`).catch((error: unknown) => error))).toBe('user-subject');
  });

  it.each([
    ['no token', undefined, 'required'],
    ['an expired token', { expiresIn: -120 }, 'not-expired'],
    ['a token for another audience', { audience: 'someone-else' }, 'valid-token'],
    ['a token signed with another key', { foreignKey: true }, 'valid-token'],
  ])('refuses %s as Unauthenticated', async (_, options, rule) => {
    const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer));
    const authorization = options ? await bearer(options) : undefined;
    expect(ruleOf(await verifier.principalOf(authorization).catch((error: unknown) => error))).toBe(rule);
  });

  it('accepts a token expired within the clock tolerance', async () => {
    const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer, { OIDC_CLOCK_TOLERANCE_SECONDS: 60 }));
    await expect(verifier.principalOf(await bearer({ expiresIn: -10 }))).resolves.toEqual(expect.objectContaining({ subject: 'officer-1' }));
  });

  describe('a token verified before', () => {
    /** Moves the wall clock (Date, which jose reads too) and nothing else. */
    const clockMovedBy = (ms: number) => {
      const now = Date.now();
      jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
      jest.setSystemTime(now + ms);
    };

    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('is not verified again while it is in date', async () => {
      const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer));
      const authorization = await bearer();
      const verify = jest.spyOn(verifier as unknown as { verify: (token: string) => Promise<unknown> }, 'verify');
      await verifier.principalOf(authorization);
      await expect(verifier.principalOf(authorization)).resolves.toEqual(expect.objectContaining({ subject: 'officer-1' }));
      expect(verify).toHaveBeenCalledTimes(1);
    });

    it('is refused once it has expired', async () => {
      const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer, { OIDC_CLOCK_TOLERANCE_SECONDS: 0 }));
      const authorization = await bearer({ expiresIn: 60 });
      await verifier.principalOf(authorization);
      clockMovedBy(61_000);
      expect(ruleOf(await verifier.principalOf(authorization).catch((error: unknown) => error))).toBe('not-expired');
    });

    it('is verified again past its exp, so the clock tolerance still holds', async () => {
      const verifier = new OidcAccessTokenVerifier(configFor(issuer.issuer, { OIDC_CLOCK_TOLERANCE_SECONDS: 60 }));
      const authorization = await bearer({ expiresIn: 60 });
      await verifier.principalOf(authorization);
      clockMovedBy(90_000);
      await expect(verifier.principalOf(authorization)).resolves.toEqual(expect.objectContaining({ subject: 'officer-1' }));
    });
  });

  it('answers 503 naming the issuer when the issuer cannot be reached', async () => {
    const verifier = new OidcAccessTokenVerifier(configFor('http://127.0.0.1:9'));
    const error = await verifier.principalOf(await bearer()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(503);
  });
});
