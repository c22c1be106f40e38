import { deliveryRow } from './delivery-plan.rules';

describe('deliveryRow', () => {
  const participant = { recipientKind: 'participant' as const, recipientId: 'p-1' };

  it('records a message as due now and a reminder as scheduled for its time', () => {
    expect(deliveryRow({ ...participant, template: 'enrollment-received' })).toEqual({
      recipient: 'participant:p-1',
      params: {},
      critical: false,
      status: 'pending',
      nextAttemptAt: null,
    });
    const sendAt = new Date('2025-05-10T01:00:00Z');
    expect(deliveryRow({ ...participant, template: 'start-reminder', sendAt })).toMatchObject({ status: 'scheduled', nextAttemptAt: sendAt });
  });

  it('takes criticality from the template and keeps the params', () => {
    expect(deliveryRow({ recipientKind: 'instructor', recipientId: 'i-1', template: 'class-cancelled', params: { reason: 'venue' } })).toMatchObject({
      recipient: 'instructor:i-1',
      params: { reason: 'venue' },
      critical: true,
    });
  });
});
