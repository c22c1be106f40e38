import type { JSONWebKeySet } from 'jose';
import { internalTokenVerifier, Principal } from '@sinergi/contracts';
import { Unauthenticated } from '../errors';
import type { PrincipalResolver } from './access.guard';

/** A service's principal resolver: the internal token the gateway minted for this service. */
export class InternalTokenVerifier implements PrincipalResolver {
  private readonly verify: (token: string) => Promise<Principal>;

  constructor(publicJwks: JSONWebKeySet, audience: string) {
    this.verify = internalTokenVerifier(publicJwks, audience);
  }

  /** The principal of an `Authorization: Bearer` header; Unauthenticated when missing, expired, forged or for another service. */
  async principalOf(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new Unauthenticated({ field: 'Authorization', rule: 'required', message: 'send a bearer token (through the gateway)' });
    try {
      return await this.verify(token);
    } catch {
      throw new Unauthenticated({ field: 'Authorization', rule: 'valid-token', message: 'the token is expired, forged or meant for another service' });
    }
  }
}
