import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { isGatewaySubject, isRole, Principal, PRINCIPAL_CLAIMS } from '@sinergi/contracts';
import { PrincipalResolver, Unauthenticated } from '@sinergi/platform';
import { GatewayConfig } from '../gateway.config';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const MAX_VERIFIED_TOKENS = 10_000;

/** A token that passed verification: its principal, until its `exp`. */
interface Verified {
  principal: Principal;
  expiresAtMs: number;
}

/** The value at a dotted claim path (`realm_access.roles`), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** The principal an access token speaks for; role names the table does not know are dropped. */
export function principalOfAccessToken(claims: JWTPayload, rolesClaim: string): Principal {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) {
    throw new Unauthenticated({ field: 'Authorization', rule: 'valid-token', message: 'the access token names no subject' });
  }
  // The gateway's own internal callers (gateway:sign-in) must never be impersonated by a provider's user.
  if (isGatewaySubject(claims.sub)) {
    throw new Unauthenticated({ field: 'Authorization', rule: 'user-subject', message: 'the access token names a subject reserved for the gateway itself' });
  }
  return {
    subject: claims.sub,
    roles: [...new Set(strings(claimAt(claims, rolesClaim)).filter(isRole))],
    venueCodes: strings(claims[PRINCIPAL_CLAIMS.venueCodes]),
    instructorId: text(claims[PRINCIPAL_CLAIMS.instructorId]),
    participantId: text(claims[PRINCIPAL_CLAIMS.participantId]),
  };
}

/**
 * The gateway's principal resolver: an OpenID provider's access token (a JWT), checked against the
 * provider's published keys for issuer, audience and lifetime. The discovery document is fetched on
 * first use and again after a failure, so the gateway starts while the provider is still down.
 * A verified token's principal is kept (by the token's SHA-256) until its `exp`, checked on every use: a
 * client sends the same token for minutes, and verifying its signature each time is most of a request's CPU.
 * Past `exp` the token is verified again, so the clock tolerance and the refusal stay as they were.
 */
@Injectable()
export class OidcAccessTokenVerifier implements PrincipalResolver {
  private keys?: Promise<KeySet>;
  private readonly verified = new LRUCache<string, Verified>({ max: MAX_VERIFIED_TOKENS });

  constructor(private readonly config: GatewayConfig) {}

  async principalOf(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new Unauthenticated({ field: 'Authorization', rule: 'required', message: `send an access token of ${this.config.oidcIssuer} as a bearer token` });
    const digest = createHash('sha256').update(token).digest('base64url');
    const kept = this.verified.get(digest);
    if (kept && Date.now() < kept.expiresAtMs) return kept.principal;
    const verified = await this.verify(token);
    const ttl = verified.expiresAtMs - Date.now();
    if (ttl > 0) this.verified.set(digest, verified, { ttl });
    return verified.principal;
  }

  private async verify(token: string): Promise<Verified> {
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.config.oidcIssuer,
        audience: this.config.oidcAudience,
        clockTolerance: this.config.OIDC_CLOCK_TOLERANCE_SECONDS ?? 30,
      });
      const principal = principalOfAccessToken(payload, this.config.OIDC_ROLES_CLAIM ?? PRINCIPAL_CLAIMS.roles);
      // A token without `exp` is verified on every use.
      return { principal, expiresAtMs: (payload.exp ?? 0) * 1000 };
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      if (error instanceof joseErrors.JWKSTimeout || (error instanceof Error && !(error instanceof joseErrors.JOSEError))) throw this.unreachable();
      const expired = error instanceof joseErrors.JWTExpired;
      throw new Unauthenticated({
        field: 'Authorization',
        rule: expired ? 'not-expired' : 'valid-token',
        message: expired ? 'the access token has expired: sign in again' : `the access token is not one of ${this.config.oidcIssuer} for ${this.config.oidcAudience}`,
      });
    }
  }

  private keySet(): Promise<KeySet> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<KeySet> {
    const issuer = this.config.oidcIssuer.replace(/\/$/, '');
    let document: { issuer?: string; jwks_uri?: string };
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch {
      throw this.unreachable();
    }
    if (typeof document.jwks_uri !== 'string') throw this.unreachable();
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 5000 });
  }

  private unreachable(): ServiceUnavailableException {
    return new ServiceUnavailableException({
      message: 'The identity provider cannot be reached to check the access token; try again shortly',
      errors: [{ field: 'Authorization', rule: 'issuer-reachable', message: `${this.config.oidcIssuer} did not answer with its discovery document and keys` }],
    });
  }
}
