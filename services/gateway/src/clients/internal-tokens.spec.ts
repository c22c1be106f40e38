import { decodeJwt } from 'jose';
import { generateInternalTokenKeys, Principal } from '@sinergi/contracts';
import { Clock, INTERNAL_TOKEN_REUSE_MS, InternalTokens } from './internal-tokens';

class StepClock implements Clock {
  private at = 1_000;

  now(): number {
    return this.at;
  }

  /** lru-cache reads its clock at most once a millisecond (its ttlResolution): the step is seen after that. */
  async advance(ms: number): Promise<void> {
    this.at += ms;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('InternalTokens', () => {
  const admin: Principal = { subject: 'admin-1', roles: ['kemnaker-admin'], venueCodes: [] };
  const participant: Principal = { subject: 'participant:p-1', roles: ['participant'], venueCodes: [], participantId: 'p-1' };
  let clock: StepClock;
  let tokens: InternalTokens;

  beforeEach(() => {
    clock = new StepClock();
    tokens = new InternalTokens(generateInternalTokenKeys().privateJwk, clock);
  });

  it('sends the same token to a service for the same principal within 30 s', async () => {
    const first = await tokens.tokenFor(admin, 'enrollment');
    await clock.advance(INTERNAL_TOKEN_REUSE_MS - 1);
    await expect(tokens.tokenFor({ ...admin }, 'enrollment')).resolves.toBe(first);
  });

  it('mints a new token after 30 s', async () => {
    const first = await tokens.tokenFor(admin, 'enrollment');
    await clock.advance(INTERNAL_TOKEN_REUSE_MS + 1);
    const second = await tokens.tokenFor(admin, 'enrollment');
    expect(second).not.toBe(first);
    expect(decodeJwt(second)).toEqual(expect.objectContaining({ sub: 'admin-1', aud: 'enrollment' }));
  });

  it('keeps a token of its own for each principal and each service', async () => {
    const forAdmin = await tokens.tokenFor(admin, 'enrollment');
    const forParticipant = await tokens.tokenFor(participant, 'enrollment');
    const forAdminElsewhere = await tokens.tokenFor(admin, 'program');
    const withOtherRoles = await tokens.tokenFor({ ...admin, roles: ['viewer'] }, 'enrollment');
    expect(new Set([forAdmin, forParticipant, forAdminElsewhere, withOtherRoles]).size).toBe(4);
    expect(decodeJwt(forParticipant)).toEqual(expect.objectContaining({ sub: 'participant:p-1', participant_id: 'p-1', aud: 'enrollment' }));
    expect(decodeJwt(forAdminElsewhere)).toEqual(expect.objectContaining({ sub: 'admin-1', aud: 'program' }));
    expect(decodeJwt(withOtherRoles)).toEqual(expect.objectContaining({ roles: ['viewer'] }));
  });
});
