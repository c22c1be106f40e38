import type Provider from 'oidc-provider';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { IdentityAccounts, principalClaims } from './identity-accounts';
import { identitySecrets } from './identity-secrets';
import { logoutPage, signedOutPage } from './pages';
import { postgresAdapter } from './postgres-adapter';

/** The dashboard: the gateway's own backend-for-frontend, a public client that must use PKCE. */
export const DASHBOARD_CLIENT_ID = 'sinergi-dashboard';
/** Scopes of the API's resource server: one, the API as the signed-in account's roles reach it. */
export const API_SCOPE = 'api';

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

export function publicUrlOf(config: GatewayConfig): string {
  return config.GATEWAY_PUBLIC_URL.replace(/\/$/, '');
}

/** The resource indicator of the API (an absolute URI, as RFC 8707 asks); its tokens name config.oidcAudience. */
export function apiResourceOf(config: GatewayConfig): string {
  return `${publicUrlOf(config)}/api`;
}

interface TokenLike {
  kind: string;
  accountId?: string;
}

interface ProviderContext {
  oidc: {
    client?: { clientId: string };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: { Grant: GrantClass };
  };
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}
type GrantClass = { new (fields: { clientId: string; accountId?: string }): GrantLike; find(id: string): Promise<GrantLike | undefined> };

/** The embedded OpenID provider (oidc-provider), its storage and keys in the gateway's database. */
export async function createEmbeddedProvider(config: GatewayConfig, dataSource: DataSource, accounts: IdentityAccounts): Promise<Provider> {
  // oidc-provider is an ES module; Node 20.19+ loads it through require, and jest transpiles it.
  const { default: ProviderClass, errors } = await import('oidc-provider');
  const { signingKey, cookieKeys } = await identitySecrets(dataSource);
  const publicUrl = publicUrlOf(config);
  const apiResource = apiResourceOf(config);

  const provider = new ProviderClass(config.oidcIssuer, {
    adapter: postgresAdapter(dataSource),
    jwks: { keys: [signingKey] },
    cookies: { keys: cookieKeys },
    clients: [
      {
        client_id: DASHBOARD_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${publicUrl}/auth/signed-out`],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    enabledJWA: { idTokenSigningAlgValues: ['ES256'], requestObjectSigningAlgValues: ['ES256'] },
    pkce: { required: () => true },
    responseTypes: ['code'],
    claims: { openid: ['sub'] },
    findAccount: async (_ctx: unknown, accountId: string) => {
      const principal = await accounts.principal(accountId);
      return principal && { accountId, claims: async () => ({ sub: accountId }) };
    },
    extraTokenClaims: async (_ctx: unknown, token: TokenLike) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const principal = await accounts.principal(token.accountId);
      return principal && principalClaims(principal);
    },
    // The dashboard is first party: a signed-in account is granted the API and OpenID scopes without a consent page.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { client, session, result, provider: oidc } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return oidc.Grant.find(grantId);
      const grant = new oidc.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid');
      grant.addResourceScope(apiResource, API_SCOPE);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/auth/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== apiResource) throw new errors.InvalidTarget(`the only resource is ${apiResource}`);
          return { scope: API_SCOPE, audience: config.oidcAudience, accessTokenTTL: 10 * MINUTE, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
        },
      },
    },
    ttl: {
      AccessToken: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: 10 * MINUTE,
      Interaction: 30 * MINUTE,
      Grant: 14 * DAY,
      RefreshToken: 14 * DAY,
      Session: 14 * DAY,
    },
    renderError: async (ctx: { type: string; body: string }, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = signedOutPage(`${out.error}${out.error_description ? `: ${out.error_description}` : ''}`);
    },
  });
  // Behind a TLS-terminating proxy, X-Forwarded-Proto tells the provider the request was https (secure cookies).
  provider.proxy = true;
  return provider;
}
