import { interleave, person, provinceQuotas } from './population';

describe('the scenario population', () => {
  it('splits people by seats, leaning alternately over and under, and adds up', () => {
    const quotas = provinceQuotas(new Map([['32', 160], ['12', 160], ['33', 80]]), 400);
    expect([...quotas.values()].reduce((a, b) => a + b, 0)).toBe(400);
    expect(quotas.get('32')).toBeGreaterThan(160);
    expect(quotas.get('12')).toBeLessThan(160);
    expect(() => provinceQuotas(new Map([['32', 0]]), 10)).toThrow(/no province has a confirmed class/);
  });

  it('interleaves the provinces so that every stretch reaches each', () => {
    const order = interleave(new Map([['32', 4], ['12', 2]]));
    expect(order).toHaveLength(6);
    expect(new Set(order.slice(0, 3))).toEqual(new Set(['32', '12']));
  });

  it('gives each person a NIK of their province that matches birth date and gender, unique across a full run', () => {
    const someone = person(7, '32', 'self-service');
    const { nik, birthDate, gender } = someone.registration;
    expect(nik).toMatch(/^320101\d{10}$/);
    expect(gender).toBe('M');
    expect(nik.slice(6, 12)).toBe(`${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`);
    expect(person(8, '32', 'nomination').registration.nik.slice(6, 8)).toBe(String(Number(person(8, '32', 'nomination').registration.birthDate.slice(8, 10)) + 40));
    const niks = new Set(Array.from({ length: 10_100 }, (_, index) => person(index + 1, '32', 'nomination').registration.nik));
    expect(niks.size).toBe(10_100);
    expect([...niks].some((value) => value.endsWith('9999') || value.endsWith('0000'))).toBe(false);
  });
});
