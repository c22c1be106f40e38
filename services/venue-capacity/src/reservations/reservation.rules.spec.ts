import { eventReason, planRooms } from './reservation.rules';

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
