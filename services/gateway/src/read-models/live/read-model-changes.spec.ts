import { announcementKey, changeOfPayload, mergeChanges } from './read-model-changes';

describe('read-model change payloads', () => {
  it('reads a change off a NOTIFY payload, keeping only the known fields, and ignores anything else', () => {
    expect(changeOfPayload('{"kind":"classes","batchId":"b1","venueCode":"BLK-BDG","extra":1}')).toEqual({
      kind: 'classes',
      batchId: 'b1',
      venueCode: 'BLK-BDG',
    });
    expect(changeOfPayload('{"kind":"something-else"}')).toBeUndefined();
    expect(changeOfPayload('not json')).toBeUndefined();
    expect(changeOfPayload('null')).toBeUndefined();
    expect(changeOfPayload(undefined)).toBeUndefined();
  });

  it('merges two changes into the ids both share', () => {
    expect(
      mergeChanges(
        { kind: 'enrollments', programmeId: 'p1', provinceCode: '32', batchId: 'b1' },
        { kind: 'enrollments', programmeId: 'p1', provinceCode: '33', batchId: 'b2' },
      ),
    ).toEqual({ kind: 'enrollments', programmeId: 'p1' });
  });

  it('gives the announcements a run of events may make once a key, and none to a class changing itself', () => {
    expect(announcementKey('NotificationDelivered', {})).toBe('notifications');
    expect(announcementKey('NotificationFailed', {})).toBe('notifications');
    expect(announcementKey('BatchFillChanged', { batchId: 'b1' })).toBe('enrollments:b1');
    expect(announcementKey('BatchFillChanged', { batchId: 'b2' })).not.toBe(announcementKey('BatchFillChanged', { batchId: 'b1' }));
    expect(announcementKey('BatchRescheduled', { batchId: 'b1' })).toBeUndefined();
    expect(announcementKey('BatchConfirmed', { batchId: 'b1' })).toBeUndefined();
  });
});
