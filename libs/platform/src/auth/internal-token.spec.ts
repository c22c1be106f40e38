import { generateInternalTokenKeys, mintInternalToken, Principal } from '@sinergi/contracts';
import { InternalTokenVerifier } from './internal-token';

const operator: Principal = { subject: 'op-1', roles: ['venue-operator'], venueCodes: ['BBPVP-BANDUNG'] };

describe('internal tokens', () => {
  it('carry the principal from the gateway to the service they were minted for', async () => {
    const keys = generateInternalTokenKeys();
    const token = await mintInternalToken(operator, 'enrollment', keys.privateJwk);
    await expect(new InternalTokenVerifier(keys.publicJwks, 'enrollment').principalOf(`Bearer ${token}`)).resolves.toEqual(operator);
  });

  it('are refused by another service, under another key, or when missing', async () => {
    const keys = generateInternalTokenKeys();
    const token = await mintInternalToken(operator, 'enrollment', keys.privateJwk);
    const other = generateInternalTokenKeys();
    await expect(new InternalTokenVerifier(keys.publicJwks, 'notification').principalOf(`Bearer ${token}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(new InternalTokenVerifier(other.publicJwks, 'enrollment').principalOf(`Bearer ${token}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(new InternalTokenVerifier(keys.publicJwks, 'enrollment').principalOf(undefined)).rejects.toMatchObject({
      kind: 'unauthenticated',
      errors: [{ field: 'Authorization', rule: 'required' }],
    });
  });

  it('drop roles the system does not know instead of trusting them', async () => {
    const keys = generateInternalTokenKeys();
    const token = await mintInternalToken({ ...operator, roles: ['venue-operator', 'root' as never] }, 'program', keys.privateJwk);
    const principal = await new InternalTokenVerifier(keys.publicJwks, 'program').principalOf(`Bearer ${token}`);
    expect(principal.roles).toEqual(['venue-operator']);
  });
});
