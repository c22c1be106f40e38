import { ACCESS_TABLE, isGatewaySubject, OPERATION_IDS, OperationId, reachOf } from './access-table';

describe('the access table for the gateway own callers', () => {
  it('opens participants.lookup to the gateway sign-in principal holding no role, and to nobody else', () => {
    expect(reachOf('participants.lookup', { subject: 'gateway:sign-in', roles: [] })).toBe('all');
    expect(reachOf('participants.lookup', { subject: 'gateway:sign-in', roles: ['viewer'] })).toBeUndefined();
    expect(reachOf('participants.lookup', { subject: 'gateway:other', roles: [] })).toBeUndefined();
    expect(reachOf('participants.lookup', { subject: 'someone', roles: ['kemnaker-admin', 'kemenumkm-admin', 'participant'] })).toBeUndefined();
    expect(reachOf('participants.lookup', { roles: [] })).toBeUndefined();
  });

  it("opens the services' Operations routes to the gateway operations principal only, and the Operations page to operators", () => {
    expect(reachOf('service-operations.redrive', { subject: 'gateway:operations', roles: [] })).toBe('all');
    expect(reachOf('service-operations.redrive', { subject: 'gateway:sign-in', roles: [] })).toBeUndefined();
    expect(reachOf('service-operations.dead-letter', { subject: 'ops-1', roles: ['integration-operator', 'kemnaker-admin'] })).toBeUndefined();
    expect(reachOf('operations.redrive', { subject: 'ops-1', roles: ['integration-operator'] })).toBe('all');
    expect(reachOf('operations.dead-letters', { subject: 'admin-1', roles: ['kemnaker-admin'] })).toBe('all');
    expect(reachOf('operations.dead-letters', { subject: 'viewer-1', roles: ['viewer', 'kemenumkm-admin'] })).toBeUndefined();
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

describe('the CSV exports in the access table', () => {
  it('gives each export exactly the roles and reach of the list it exports', () => {
    const exports = OPERATION_IDS.filter((operation) => operation.endsWith('-csv'));
    expect(exports.length).toBeGreaterThanOrEqual(7);
    for (const operation of exports) {
      const list = operation.slice(0, -'-csv'.length) as OperationId;
      expect([operation, ACCESS_TABLE[operation]]).toEqual([operation, ACCESS_TABLE[list]]);
    }
  });
});
