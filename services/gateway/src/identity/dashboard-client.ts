import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { GatewayConfig } from '../gateway.config';
import { SessionTokens } from './browser-sessions';
import { apiResourceOf, DASHBOARD_CLIENT_ID, publicUrlOf } from './embedded-provider';

/** The BFF's side of the code flow with PKCE, against the gateway's issuer (its own, or an external one). */
@Injectable()
export class DashboardClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: GatewayConfig) {}

  get redirectUri(): string {
    return `${publicUrlOf(this.config)}/auth/callback`;
  }

  async authorizationUrl(): Promise<{ url: URL; codeVerifier: string; state: string }> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(await this.discovered(), {
      redirect_uri: this.redirectUri,
      scope: this.embedded ? 'openid api' : 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...this.resourceParameter(),
    });
    return { url, codeVerifier, state };
  }

  async exchangeCode(callbackUrl: URL, pending: { codeVerifier: string; state: string }): Promise<SessionTokens> {
    const response = await oidc.authorizationCodeGrant(
      await this.discovered(),
      callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state },
      this.resourceParameter(),
    );
    return tokensOf(response);
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    return tokensOf(await oidc.refreshTokenGrant(await this.discovered(), refreshToken, this.resourceParameter()));
  }

  async revoke(refreshToken: string): Promise<void> {
    await oidc.tokenRevocation(await this.discovered(), refreshToken, { token_type_hint: 'refresh_token' });
  }

  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const configuration = await this.discovered();
    if (!configuration.serverMetadata().end_session_endpoint) return `${publicUrlOf(this.config)}/auth/signed-out`;
    return oidc
      .buildEndSessionUrl(configuration, { post_logout_redirect_uri: `${publicUrlOf(this.config)}/auth/signed-out`, ...(idToken ? { id_token_hint: idToken } : { client_id: DASHBOARD_CLIENT_ID }) })
      .toString();
  }

  private get embedded(): boolean {
    return !this.config.OIDC_ISSUER;
  }

  /** The embedded provider issues JWT access tokens for the API's resource indicator; an external one decides for itself. */
  private resourceParameter(): Record<string, string> {
    return this.embedded ? { resource: apiResourceOf(this.config) } : {};
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(new URL(this.config.oidcIssuer), DASHBOARD_CLIENT_ID, undefined, oidc.None(), {
        ...(this.config.oidcIssuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

function tokensOf(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    idToken: response.id_token,
    accessExpiresAt: new Date(Date.now() + (response.expiresIn() ?? 300) * 1000),
  };
}
