import { Injectable } from '@nestjs/common';
import { Principal, PRINCIPAL_CLAIMS } from '@sinergi/contracts';
import { LocalAccounts } from './local-accounts';

const PARTICIPANT_ACCOUNT_PREFIX = 'participant:';

/** The provider's account ids: a staff account's id, or `participant:<participant id>` for a participant. */
@Injectable()
export class IdentityAccounts {
  constructor(private readonly localAccounts: LocalAccounts) {}

  static participantAccountId(participantId: string): string {
    return `${PARTICIPANT_ACCOUNT_PREFIX}${participantId}`;
  }

  async principal(accountId: string): Promise<Principal | undefined> {
    if (accountId.startsWith(PARTICIPANT_ACCOUNT_PREFIX)) {
      const participantId = accountId.slice(PARTICIPANT_ACCOUNT_PREFIX.length);
      return { subject: participantId, roles: ['participant'], venueCodes: [], participantId };
    }
    return this.localAccounts.principal(accountId);
  }
}

/** A principal as the claims of an access token (PRINCIPAL_CLAIMS). */
export function principalClaims(principal: Principal): Record<string, unknown> {
  return {
    [PRINCIPAL_CLAIMS.roles]: principal.roles,
    [PRINCIPAL_CLAIMS.venueCodes]: principal.venueCodes,
    ...(principal.instructorId ? { [PRINCIPAL_CLAIMS.instructorId]: principal.instructorId } : {}),
    ...(principal.participantId ? { [PRINCIPAL_CLAIMS.participantId]: principal.participantId } : {}),
  };
}
