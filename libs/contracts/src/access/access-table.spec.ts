import { isGatewaySubject, reachOf } from './access-table';

describe('the access table for the gateway own callers', () => {
  it('opens participants.lookup to the gateway sign-in principal holding no role, and to nobody else', () => {
    expect(reachOf('participants.lookup', { subject: 'gateway:sign-in', roles: [] })).toBe('all');
    expect(reachOf('participants.lookup', { subject: 'gateway:sign-in', roles: ['viewer'] })).toBeUndefined();
    expect(reachOf('participants.lookup', { subject: 'gateway:other', roles: [] })).toBeUndefined();
    expect(reachOf('participants.lookup', { subject: 'someone', roles: ['kemnaker-admin', 'kemenumkm-admin', 'participant'] })).toBeUndefined();
    expect(reachOf('participants.lookup', { roles: [] })).toBeUndefined();
  });

  it('still reaches by role elsewhere', () => {
    expect(reachOf('participants.get', { subject: 'gateway:sign-in', roles: [] })).toBeUndefined();
    expect(reachOf('participants.get', { roles: ['viewer'] })).toBe('masked');
  });

  it('reserves the gateway: subjects', () => {
    expect(isGatewaySubject('gateway:sign-in')).toBe(true);
    expect(isGatewaySubject('6f1c2d3e-0000-4000-8000-000000000000')).toBe(false);
  });
});
