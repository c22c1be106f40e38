import { addDays } from '@sinergi/contracts';
import { isExpired, promotionConfirmBy, reshuffleReserves } from './promotion.rules';

describe('promotion rules', () => {
  const list = [
    { id: 'c', rank: 3 },
    { id: 'a', rank: 1 },
    { id: 'b', rank: 2 },
  ];

  it('promotes the reserve with rank 1 when a seat is freed, and closes up the others', () => {
    expect(reshuffleReserves(list, { seatFreed: true })).toEqual({
      promoted: { id: 'a', rank: 1 },
      renumbered: [
        { id: 'b', from: 2, to: 1 },
        { id: 'c', from: 3, to: 2 },
      ],
    });
  });

  it('promotes no one when nobody waits', () => {
    expect(reshuffleReserves([], { seatFreed: true })).toEqual({ renumbered: [] });
  });

  it('renumbers only those behind a reserve who left, and promotes no one without a freed seat', () => {
    const withoutB = list.filter((place) => place.id !== 'b');
    expect(reshuffleReserves(withoutB, { seatFreed: false })).toEqual({ renumbered: [{ id: 'c', from: 3, to: 2 }] });
    expect(reshuffleReserves(list.filter((place) => place.id !== 'c'), { seatFreed: false })).toEqual({ renumbered: [] });
  });

  it('closes up gaps left earlier', () => {
    expect(reshuffleReserves([{ id: 'x', rank: 2 }, { id: 'y', rank: 5 }], { seatFreed: true })).toEqual({
      promoted: { id: 'x', rank: 2 },
      renumbered: [{ id: 'y', from: 5, to: 1 }],
    });
  });

  it('gives a promoted reserve the later of the class confirm-by day and today + the promotion days', () => {
    expect(promotionConfirmBy('2025-04-20', '2025-04-10', 2)).toBe('2025-04-20');
    expect(promotionConfirmBy('2025-04-09', '2025-04-10', 2)).toBe('2025-04-12');
    expect(promotionConfirmBy('2025-04-12', '2025-04-10', 2)).toBe('2025-04-12');
    expect(promotionConfirmBy('2025-02-27', '2025-02-28', 2)).toBe('2025-03-02');
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 2)).toBe('2026-01-02');
    expect(addDays('2025-05-10', 0)).toBe('2025-05-10');
  });

  it('expires a seat the day after its confirm-by day, not on it', () => {
    expect(isExpired('2025-04-10', '2025-04-10')).toBe(false);
    expect(isExpired('2025-04-10', '2025-04-11')).toBe(true);
  });
});
