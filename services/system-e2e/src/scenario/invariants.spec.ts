import { countsAddUp, noNikLeaked } from './invariants';
import { person } from './population';

describe('the scenario invariants that need no running system', () => {
  const people = [person(1, '32', 'nomination'), person(2, '12', 'self-service')];
  const nik = people[1].registration.nik;

  it('finds a NIK in the clear wherever it sits, also inside a longer run of digits, and names the place', () => {
    const clean = noNikLeaked(people, { logs: ['masked ******120385**01', `phone +6281300000002`], topics: ['{}'] });
    expect(clean).toMatchObject({ holds: true, violations: 0 });
    const leaked = noNikLeaked(people, { logs: [`nik=${nik}`], topics: [`{"x":"9${nik}7"}`, 'nothing'] });
    expect(leaked).toMatchObject({ holds: false, violations: 2, examples: ['logs: 1 NIK(s) in the clear', 'topics: 1 NIK(s) in the clear'] });
    expect(leaked.examples.join(' ')).not.toContain(nik);
  });

  it('fails on any count that does not add up, saying which', () => {
    expect(countsAddUp([{ what: 'documents', expected: 3, actual: 3 }]).holds).toBe(true);
    expect(countsAddUp([{ what: 'documents', expected: 3, actual: 2 }])).toMatchObject({ holds: false, examples: ['documents: expected 3, got 2'] });
  });
});
