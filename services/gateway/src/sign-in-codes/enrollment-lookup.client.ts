import { Injectable } from '@nestjs/common';
import { JWK } from 'jose';
import { mintInternalToken, ParticipantLookupView, Principal } from '@sinergi/contracts';
import { GatewayConfig } from '../gateway.config';

/**
 * The gateway's own principal for participants.lookup: no roles, a reserved `gateway:` subject. The gateway never
 * mints a token with such a subject for a user (isGatewaySubject), so no signed-in user can call the lookup.
 */
export const SIGN_IN_PRINCIPAL: Principal = { subject: 'gateway:sign-in', roles: [], venueCodes: [] };

/** Whose phone or e-mail this is, asked of enrollment (POST /participants/lookup). */
@Injectable()
export class EnrollmentLookup {
  private readonly signingKey: JWK;

  constructor(private readonly config: GatewayConfig) {
    this.signingKey = JSON.parse(config.INTERNAL_TOKEN_SIGNING_KEY) as JWK;
  }

  /** The participant id, or undefined when nobody registered the identifier. */
  async participantOf(identifier: string): Promise<string | undefined> {
    const token = await mintInternalToken(SIGN_IN_PRINCIPAL, 'enrollment', this.signingKey);
    const response = await fetch(`${this.config.ENROLLMENT_URL.replace(/\/$/, '')}/participants/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ identifier }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`enrollment answered ${response.status} to participants.lookup`);
    return ((await response.json()) as ParticipantLookupView).participantId;
  }
}
