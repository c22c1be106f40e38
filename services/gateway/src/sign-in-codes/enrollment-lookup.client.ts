import { Injectable } from '@nestjs/common';
import { Principal } from '@sinergi/contracts';
import { ServiceClients } from '../clients/service-clients';

/**
 * The gateway's own principal for participants.lookup: no roles, a reserved `gateway:` subject. The gateway never
 * mints a token with such a subject for a user (isGatewaySubject), so no signed-in user can call the lookup.
 */
export const SIGN_IN_PRINCIPAL: Principal = { subject: 'gateway:sign-in', roles: [], venueCodes: [] };

/** Whose phone or e-mail this is, asked of enrollment (participants.lookup). */
@Injectable()
export class EnrollmentLookup {
  constructor(private readonly clients: ServiceClients) {}

  /** The participant id, or undefined when nobody registered the identifier. */
  async participantOf(identifier: string): Promise<string | undefined> {
    const answer = await this.clients.request('participants.lookup', { principal: SIGN_IN_PRINCIPAL, body: { identifier } });
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new Error(`enrollment answered ${answer.status} to participants.lookup`);
    return answer.body.participantId;
  }
}
