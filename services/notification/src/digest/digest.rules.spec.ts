import { digestLines } from './digest.timer';

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
