import {
  Candidate,
  ClassToStaff,
  isFree,
  moveObstacles,
  periodOf,
  rankCandidates,
  rejectionReason,
  rescheduleWithdrawalReason,
} from './assignment.rules';

const klass: ClassToStaff = {
  batchId: '9a1b0c3e-1d2f-4a5b-8c7d-0e1f2a3b4c5d',
  moduleCode: 'KWU-01',
  provinceCode: '32',
  startDate: '2025-05-05',
  endDate: '2025-05-09',
};

function candidate(instructorId: string, overrides: Partial<Candidate> = {}): Candidate {
  return { instructorId, homeProvinceCode: '33', maxClassesPerPeriod: 3, load: 0, busy: false, unavailable: false, ...overrides };
}

describe('assignment rules', () => {
  it('puts a class in the load-limit period of the month it starts, even when it ends in the next one', () => {
    expect(periodOf('2025-05-29')).toBe('2025-05');
    expect(periodOf('2025-06-01')).toBe('2025-06');
  });

  describe('isFree', () => {
    it('needs no other class on those days, no unavailable day, and room under the period limit', () => {
      expect(isFree(candidate('a'))).toBe(true);
      expect(isFree(candidate('a', { busy: true }))).toBe(false);
      expect(isFree(candidate('a', { unavailable: true }))).toBe(false);
      expect(isFree(candidate('a', { load: 2 }))).toBe(true);
      expect(isFree(candidate('a', { load: 3 }))).toBe(false);
    });
  });

  describe('rankCandidates', () => {
    it('ranks the free ones by the instructor ranking: home province, then lightest load, then id', () => {
      const ranked = rankCandidates(
        [candidate('c', { load: 1 }), candidate('b', { load: 0 }), candidate('a', { load: 1 }), candidate('d', { homeProvinceCode: '32', load: 2 })],
        '32',
      );
      expect(ranked.map((c) => c.instructorId)).toEqual(['d', 'b', 'a', 'c']);
    });

    it('leaves out whoever is not free', () => {
      const ranked = rankCandidates([candidate('a', { busy: true }), candidate('b', { load: 3 }), candidate('c')], '32');
      expect(ranked.map((c) => c.instructorId)).toEqual(['c']);
    });
  });

  describe('rejectionReason', () => {
    it('says when nobody is competent in the module', () => {
      expect(rejectionReason(klass, [])).toBe('no active instructor is competent in module KWU-01');
    });

    it('counts each competent instructor under the first reason that applies', () => {
      const reason = rejectionReason(klass, [
        candidate('a', { busy: true, unavailable: true }),
        candidate('b', { busy: true }),
        candidate('c', { unavailable: true, load: 3 }),
        candidate('d', { load: 3 }),
      ]);
      expect(reason).toBe(
        'all 4 active instructors competent in module KWU-01 cannot take 2025-05-05..2025-05-09: ' +
          '2 teaching another class on those days, 1 unavailable on some of those days, 1 at their limit of classes for 2025-05',
      );
    });

    it('speaks of a single instructor in the singular', () => {
      expect(rejectionReason(klass, [candidate('a', { load: 3 })])).toBe(
        'the 1 active instructor competent in module KWU-01 cannot take 2025-05-05..2025-05-09: 1 at their limit of classes for 2025-05',
      );
    });
  });

  describe('moveObstacles', () => {
    const moved: ClassToStaff = { ...klass, startDate: '2025-06-02', endDate: '2025-06-06' };

    it('finds none when the instructor is free, available and under the limit of the new period', () => {
      expect(moveObstacles(moved, candidate('a', { load: 2 }))).toEqual([]);
    });

    it('names every reason the instructor cannot teach the new dates', () => {
      expect(moveObstacles(moved, candidate('a', { busy: true, unavailable: true, load: 3 }))).toEqual([
        'teaching another class on those days',
        'unavailable on some of those days',
        'at their limit of 3 classes for 2025-06',
      ]);
    });

    it('says when the instructor is no longer active and competent in the module', () => {
      expect(moveObstacles(moved, undefined)).toEqual(['no longer active and competent in module KWU-01']);
    });

    it('refuses dates that end before they start, whoever the instructor', () => {
      expect(moveObstacles({ ...moved, endDate: '2025-06-01' }, candidate('a'))).toEqual([
        'the class ends (2025-06-01) before it starts (2025-06-02)',
      ]);
    });
  });

  describe('rescheduleWithdrawalReason', () => {
    it('names the new dates, why the class moved and why the instructor cannot follow', () => {
      const moved: ClassToStaff = { ...klass, startDate: '2025-06-02', endDate: '2025-06-06' };
      expect(rescheduleWithdrawalReason(moved, ['teaching another class on those days', 'unavailable on some of those days'], 'gedung direnovasi')).toBe(
        'class moved to 2025-06-02..2025-06-06 (gedung direnovasi); the instructor cannot teach it: ' +
          'teaching another class on those days, unavailable on some of those days',
      );
    });
  });
});
