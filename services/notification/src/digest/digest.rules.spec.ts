import { digestEventId, digestLines } from './digest.rules';

describe('digestLines', () => {
  it('sums the fill per programme and lists the classes under quorum', () => {
    const lines = digestLines([
      { programmeId: 'P1', batchId: 'B1', moduleCode: 'KWU-1', seats: 30, confirmed: 25, minimumQuorum: 10, quorumMet: true },
      { programmeId: 'P1', batchId: 'B2', moduleCode: 'KWU-2', seats: 30, confirmed: 4, minimumQuorum: 10, quorumMet: false },
      { programmeId: 'P2', batchId: 'B3', moduleCode: null, seats: null, confirmed: 0, minimumQuorum: null, quorumMet: null },
    ]);
    expect(lines).toEqual([
      { programmeId: 'P1', classes: 2, seats: 60, confirmed: 29, underQuorum: [{ batchId: 'B2', moduleCode: 'KWU-2', confirmed: 4, minimumQuorum: 10 }] },
      { programmeId: 'P2', classes: 1, seats: 0, confirmed: 0, underQuorum: [] },
    ]);
  });
});

describe('digestEventId', () => {
  it('is one UUID per WIB day, the same on every instance and after a restart', () => {
    const id = digestEventId('2025-05-01');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(digestEventId('2025-05-01')).toBe(id);
    expect(digestEventId('2025-05-02')).not.toBe(id);
  });
});
