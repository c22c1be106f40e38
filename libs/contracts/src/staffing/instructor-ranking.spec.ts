import { bestRankedInstructor, instructorRanking, RankedInstructor, rankInstructors } from './instructor-ranking';

function instructor(instructorId: string, overrides: Partial<RankedInstructor> = {}): RankedInstructor {
  return { instructorId, homeProvinceCode: '33', load: 0, ...overrides };
}

describe('instructor ranking', () => {
  it('prefers the class province over a lighter load elsewhere', () => {
    const ranked = rankInstructors([instructor('a', { load: 0 }), instructor('b', { homeProvinceCode: '32', load: 2 })], '32');
    expect(ranked.map((each) => each.instructorId)).toEqual(['b', 'a']);
  });

  it('then prefers the lightest load, then the lowest id', () => {
    const ranked = rankInstructors([instructor('c', { load: 1 }), instructor('b', { load: 0 }), instructor('a', { load: 1 })], '32');
    expect(ranked.map((each) => each.instructorId)).toEqual(['b', 'a', 'c']);
  });

  it('orders ids by code unit, the same on every locale', () => {
    expect(instructorRanking('32')(instructor('B'), instructor('a'))).toBeLessThan(0);
    expect(instructorRanking('32')(instructor('a'), instructor('a'))).toBe(0);
  });

  it('leaves the given list as it was', () => {
    const given = [instructor('b'), instructor('a')];
    rankInstructors(given, '32');
    expect(given.map((each) => each.instructorId)).toEqual(['b', 'a']);
  });

  it('finds the first of the ranking without sorting, and nobody in an empty pool', () => {
    const pool = [instructor('c', { load: 1 }), instructor('d', { homeProvinceCode: '32', load: 3 }), instructor('b'), instructor('a')];
    expect(bestRankedInstructor(pool, '32')?.instructorId).toBe('d');
    expect(bestRankedInstructor(pool, '11')?.instructorId).toBe(rankInstructors(pool, '11')[0].instructorId);
    expect(bestRankedInstructor([], '32')).toBeUndefined();
  });
});
