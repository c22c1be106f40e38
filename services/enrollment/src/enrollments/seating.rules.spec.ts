import { ClassFill, placeIn } from './seating.rules';

function klass(id: string, overrides: Partial<ClassFill> = {}): ClassFill {
  return { id, startDate: '2025-05-05', seats: 16, reserves: 2, selected: 0, reserved: 0, ...overrides };
}

describe('seating rules (first come, first served)', () => {
  it('takes a seat in the class with the most free seats, ties to the earlier class, then the lower id', () => {
    expect(placeIn([klass('a', { selected: 5 }), klass('b', { selected: 3 })])).toMatchObject({ kind: 'seat', klass: { id: 'b' } });
    expect(placeIn([klass('b'), klass('a', { startDate: '2025-05-12' })])).toMatchObject({ kind: 'seat', klass: { id: 'b' } });
    expect(placeIn([klass('b'), klass('a')])).toMatchObject({ kind: 'seat', klass: { id: 'a' } });
  });

  it('prefers any free seat over a reserve place', () => {
    expect(placeIn([klass('a', { selected: 16 }), klass('b', { selected: 15, reserved: 2 })])).toMatchObject({ kind: 'seat', klass: { id: 'b' } });
  });

  it('puts the participant on the reserve list at the next rank when every seat is taken', () => {
    expect(placeIn([klass('a', { selected: 16 })])).toMatchObject({ kind: 'reserve', klass: { id: 'a' }, rank: 1 });
    expect(placeIn([klass('a', { selected: 16, reserved: 1 })])).toMatchObject({ kind: 'reserve', klass: { id: 'a' }, rank: 2 });
  });

  it('says why there is no place', () => {
    expect(placeIn([klass('a', { selected: 16, reserved: 2 })])).toEqual({
      kind: 'none',
      reason: 'the class is full: all 16 seats and 2 reserve places are taken',
    });
    expect(placeIn([klass('a', { selected: 16, reserved: 2 }), klass('b', { selected: 16, reserved: 2 })])).toEqual({
      kind: 'none',
      reason: 'all 2 classes are full: every seat and reserve place is taken',
    });
  });
});
