import { cannotMove, eventReason, noRoomFree, planMove, planRooms } from './reservation.rules';

const venue = {
  closedDays: ['2025-05-17'],
  rooms: [
    { roomCode: 'R3', name: 'Aula', seats: 40 },
    { roomCode: 'R2', name: 'Kelas B', seats: 20 },
    { roomCode: 'R1', name: 'Kelas A', seats: 20 },
    { roomCode: 'R0', name: 'Kecil', seats: 10 },
  ],
};
const request = { startDate: '2025-05-12', endDate: '2025-05-16', seats: 16 };
const none = new Set<string>();

describe('choosing a room for a class', () => {
  it('tries the smallest room that seats the class first, then by room code', () => {
    const plan = planRooms(venue, request, none);
    expect(plan).toEqual({ outcome: 'try', rooms: [venue.rooms[2], venue.rooms[1], venue.rooms[0]] });
  });

  it('skips busy rooms', () => {
    const plan = planRooms(venue, request, new Set(['R1']));
    expect(plan.outcome === 'try' && plan.rooms.map((room) => room.roomCode)).toEqual(['R2', 'R3']);
  });

  it('rejects an unknown venue', () => {
    expect(planRooms(null, request, none)).toMatchObject({ outcome: 'rejected', rule: 'venue-unknown' });
  });

  it('rejects a class on a closed day, naming the day', () => {
    expect(planRooms(venue, { ...request, endDate: '2025-05-18' }, none)).toEqual({
      outcome: 'rejected',
      rule: 'closed-day',
      reason: 'the venue is closed on 2025-05-17',
    });
  });

  it('rejects a class larger than every room', () => {
    expect(planRooms(venue, { ...request, seats: 41 }, none)).toEqual({
      outcome: 'rejected',
      rule: 'no-room-large-enough',
      reason: 'the largest room seats 40; the class needs 41',
    });
  });

  it('rejects when every room large enough is busy, even if a smaller one is free', () => {
    expect(planRooms(venue, request, new Set(['R1', 'R2', 'R3']))).toMatchObject({ outcome: 'rejected', rule: 'no-room-free' });
  });

  it('rejects dates that end before they start', () => {
    expect(planRooms(venue, { ...request, startDate: '2025-05-20' }, none)).toMatchObject({ outcome: 'rejected', rule: 'no-room-free' });
  });

  it('keeps event reasons within 500 characters', () => {
    expect(eventReason('x'.repeat(600))).toHaveLength(500);
    expect(eventReason('short')).toBe('short');
  });
});

describe('moving a reservation to new dates', () => {
  const held = { roomCode: 'R2', seats: 16, startDate: '2025-05-12', endDate: '2025-05-16' };
  const to = { startDate: '2025-05-19', endDate: '2025-05-23' };
  const codes = (plan: ReturnType<typeof planMove>) => (plan.outcome === 'try' ? plan.rooms.map((room) => room.roomCode) : plan);

  it('keeps the reservation as it is when the dates do not change', () => {
    expect(planMove(venue, held, { startDate: held.startDate, endDate: held.endDate }, new Set(['R1', 'R2', 'R3']))).toEqual({ outcome: 'unchanged' });
  });

  it('tries the room it holds first, then the others in the order of a new class', () => {
    expect(codes(planMove(venue, held, to, none))).toEqual(['R2', 'R1', 'R3']);
  });

  it('skips its room when that is busy on the new dates', () => {
    expect(codes(planMove(venue, held, to, new Set(['R2'])))).toEqual(['R1', 'R3']);
  });

  it('does not try a room the venue no longer has or that is now too small', () => {
    expect(codes(planMove(venue, { ...held, roomCode: 'GONE' }, to, none))).toEqual(['R1', 'R2', 'R3']);
    expect(codes(planMove(venue, { ...held, roomCode: 'R0' }, to, none))).toEqual(['R1', 'R2', 'R3']);
  });

  it('withdraws when no room is free, naming the new dates', () => {
    const plan = planMove(venue, held, to, new Set(['R1', 'R2', 'R3']));
    expect(plan).toEqual({
      outcome: 'withdraw',
      reason:
        'cannot move to 2025-05-19..2025-05-23: no room free (all 3 room(s) with at least 16 seats are reserved or unavailable on some day from 2025-05-19 to 2025-05-23)',
    });
  });

  it('withdraws when a new day is closed', () => {
    expect(planMove(venue, held, { startDate: '2025-05-15', endDate: '2025-05-18' }, none)).toEqual({
      outcome: 'withdraw',
      reason: 'cannot move to 2025-05-15..2025-05-18: the venue is closed on 2025-05-17',
    });
  });

  it('withdraws when the venue is gone or the new dates end before they start', () => {
    expect(planMove(null, held, to, none)).toEqual({ outcome: 'withdraw', reason: 'cannot move to 2025-05-19..2025-05-23: the venue is not in the catalogue' });
    expect(planMove(venue, held, { startDate: '2025-05-23', endDate: '2025-05-19' }, none)).toMatchObject({
      outcome: 'withdraw',
      reason: expect.stringMatching(/^cannot move to 2025-05-23\.\.2025-05-19: endDate 2025-05-19 is before startDate 2025-05-23/),
    });
  });

  it('says the same when every room was lost to a race', () => {
    expect(cannotMove(to, noRoomFree({ ...to, seats: 16 }, 3))).toMatch(/^cannot move to 2025-05-19..2025-05-23: no room free \(all 3 room\(s\)/);
  });
});
