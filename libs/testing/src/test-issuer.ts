import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { Principal, PRINCIPAL_CLAIMS } from '@sinergi/contracts';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestAccessTokenOptions {
  audience?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** Where the roles go (a dotted path such as realm_access.roles); default `roles`. */
  rolesClaim?: string;
  /** Signs with a key the issuer does not publish. */
  foreignKey?: boolean;
}

/**
 * A stand-in OpenID provider for tests: a local HTTP server that serves a discovery document and
 * its JWKS, and mints RS256 access tokens for a principal.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly privateKey: SigningKey,
    private readonly foreignKey: SigningKey,
    private readonly kid: string,
  ) {}

  static async start(audience = 'sinergi-api'): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256');
    const kid = 'test-issuer-key';
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    let issuer = '';
    const server = createServer((request, response) => {
      const routes: Record<string, unknown> = {
        '/.well-known/openid-configuration': { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] },
        '/jwks': { keys: [jwk] },
      };
      const body = routes[request.url ?? ''];
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const testIssuer = new TestIssuer(server, issuer, privateKey, foreign.privateKey, kid);
    testIssuer.defaultAudience = audience;
    return testIssuer;
  }

  private defaultAudience = 'sinergi-api';

  /** An access token for the principal, as the provider would issue it after sign-in. */
  async accessToken(principal: Principal, options: TestAccessTokenOptions = {}): Promise<string> {
    const rolesPath = (options.rolesClaim ?? PRINCIPAL_CLAIMS.roles).split('.');
    const roles = rolesPath.reduceRight<unknown>((value, key) => ({ [key]: value }), principal.roles) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      ...roles,
      [PRINCIPAL_CLAIMS.venueCodes]: principal.venueCodes,
      ...(principal.instructorId ? { [PRINCIPAL_CLAIMS.instructorId]: principal.instructorId } : {}),
      ...(principal.participantId ? { [PRINCIPAL_CLAIMS.participantId]: principal.participantId } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? this.defaultAudience)
      .setSubject(principal.subject)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(options.foreignKey ? this.foreignKey : this.privateKey);
  }

  /** The Authorization header for the principal (none for null). */
  async authorization(principal: Principal | null, options?: TestAccessTokenOptions): Promise<Record<string, string>> {
    return principal ? { authorization: `Bearer ${await this.accessToken(principal, options)}` } : {};
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
