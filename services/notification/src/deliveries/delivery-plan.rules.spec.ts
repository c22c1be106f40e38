import { deliveryRow } from './delivery-plan.rules';

describe('deliveryRow', () => {
  const participant = { recipientKind: 'participant' as const, recipientId: 'p-1' };

  it('records a message as due now and a reminder as scheduled for its time', () => {
    expect(deliveryRow({ ...participant, template: 'seat-expired' }, 3000)).toEqual({
      recipient: 'participant:p-1',
      params: {},
      critical: false,
      status: 'pending',
      nextAttemptAt: null,
      holdMs: 0,
    });
    const sendAt = new Date('2025-05-10T01:00:00Z');
    expect(deliveryRow({ ...participant, template: 'start-reminder', sendAt }, 3000)).toMatchObject({ status: 'scheduled', nextAttemptAt: sendAt, holdMs: 0 });
  });

  it('holds a notice a quick decision can make stale for the supersede window, unless the window is 0', () => {
    expect(deliveryRow({ ...participant, template: 'enrollment-received' }, 3000)).toMatchObject({ status: 'held', nextAttemptAt: null, holdMs: 3000 });
    expect(deliveryRow({ ...participant, template: 'enrollment-received' }, 0)).toMatchObject({ status: 'pending', holdMs: 0 });
    expect(deliveryRow({ ...participant, template: 'selected' }, 3000)).toMatchObject({ status: 'pending', holdMs: 0 });
    expect(deliveryRow({ ...participant, template: 'certificate-issued' }, 3000)).toMatchObject({ status: 'pending', holdMs: 0 });
  });

  it('takes criticality from the template and keeps the params', () => {
    expect(deliveryRow({ recipientKind: 'instructor', recipientId: 'i-1', template: 'class-cancelled', params: { reason: 'venue' } }, 3000)).toMatchObject({
      recipient: 'instructor:i-1',
      params: { reason: 'venue' },
      critical: true,
    });
  });
});
