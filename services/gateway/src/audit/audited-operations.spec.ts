import { OPERATION_IDS } from '@sinergi/contracts';
import { auditKindOf, PERSONAL_DATA_READS, recordOf } from './audited-operations';

describe('audited operations', () => {
  it('audits reads of personal data, commands that are not public, and nothing else', () => {
    expect(auditKindOf('participants.get', 'GET')).toBe('personal-data-read');
    expect(auditKindOf('certificates.pdf', 'GET')).toBe('personal-data-read');
    expect(auditKindOf('batches.cancel', 'POST')).toBe('admin-command');
    expect(auditKindOf('recipients.set-admin', 'PUT')).toBe('admin-command');
    expect(auditKindOf('enrollments.withdraw', 'DELETE')).toBe('admin-command');
    expect(auditKindOf('participants.register', 'POST')).toBeUndefined();
    expect(auditKindOf('batches.get', 'GET')).toBeUndefined();
  });

  it('names only operations of the access table as personal-data reads', () => {
    expect([...PERSONAL_DATA_READS].filter((operation) => !OPERATION_IDS.includes(operation))).toEqual([]);
  });

  it('names the record by its named parameter, else by the operation resource and :id, else by any parameter', () => {
    expect(recordOf('attendance.record', { batchId: 'B-1', participantId: 'P-1' })).toEqual({ type: 'batch', id: 'B-1' });
    expect(recordOf('recipients.get', { participantId: 'P-1' })).toEqual({ type: 'participant', id: 'P-1' });
    expect(recordOf('deliveries.get', { id: 'D-1' })).toEqual({ type: 'delivery', id: 'D-1' });
    expect(recordOf('attendance.get', { id: 'B-2' })).toEqual({ type: 'batch', id: 'B-2' });
    expect(recordOf('training-modules.create', { trainingModuleId: 'M-1' })).toEqual({ type: 'training-module', id: 'M-1' });
    expect(recordOf('recipients.set-admin', { ministry: 'KEMNAKER' })).toEqual({ type: 'recipient', id: 'KEMNAKER' });
    expect(recordOf('operations.redrive', { service: 'enrollment', id: 'L-1' })).toEqual({ type: 'dead-letter', id: 'L-1' });
    expect(auditKindOf('operations.redrive', 'POST')).toBe('admin-command');
    expect(recordOf('agreements.create', {})).toBeUndefined();
  });
});
