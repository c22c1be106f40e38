import { usage, utilisation } from './utilisation.rules';

const range = { from: '2025-05-05', to: '2025-05-09' };
const serang = { venueCode: 'SERANG', provinceCode: '36', roomCodes: ['R1', 'R2'], closedDays: ['2025-05-07'] };
const bekasi = { venueCode: 'BEKASI', provinceCode: '32', roomCodes: ['A'], closedDays: [] };
const bandung = { venueCode: 'BANDUNG', provinceCode: '32', roomCodes: ['A', 'B'], closedDays: [] };

describe('utilisation', () => {
  it('counts rooms times open days as available', () => {
    const result = utilisation(range, [serang], [], []);
    expect(result.total).toEqual({ reservedRoomDays: 0, availableRoomDays: 8, ratio: 0 });
    expect(result.days.find((day) => day.date === '2025-05-07')).toEqual({ date: '2025-05-07', reservedRoomDays: 0, availableRoomDays: 0, ratio: null });
  });

  it('takes unavailable room-days out and counts reserved ones, per venue, province and day', () => {
    const unavailable = [{ venueCode: 'SERANG', roomCode: 'R2', from: '2025-05-01', to: '2025-05-06' }];
    const reserved = [
      { venueCode: 'SERANG', roomCode: 'R1', from: '2025-05-08', to: '2025-05-12' },
      { venueCode: 'BANDUNG', roomCode: 'A', from: '2025-05-05', to: '2025-05-09' },
      { venueCode: 'BEKASI', roomCode: 'A', from: '2025-05-09', to: '2025-05-09' },
    ];
    const result = utilisation(range, [serang, bekasi, bandung], unavailable, reserved);

    expect(result.venues).toEqual([
      { venueCode: 'BANDUNG', provinceCode: '32', reservedRoomDays: 5, availableRoomDays: 10, ratio: 0.5 },
      { venueCode: 'BEKASI', provinceCode: '32', reservedRoomDays: 1, availableRoomDays: 5, ratio: 0.2 },
      // R1 on 4 open days + R2 on the 2 open days after its unavailability ends
      { venueCode: 'SERANG', provinceCode: '36', reservedRoomDays: 2, availableRoomDays: 6, ratio: 0.3333 },
    ]);
    expect(result.provinces).toEqual([
      { provinceCode: '32', reservedRoomDays: 6, availableRoomDays: 15, ratio: 0.4 },
      { provinceCode: '36', reservedRoomDays: 2, availableRoomDays: 6, ratio: 0.3333 },
    ]);
    expect(result.days.map((day) => [day.date, day.reservedRoomDays, day.availableRoomDays])).toEqual([
      ['2025-05-05', 1, 4],
      ['2025-05-06', 1, 4],
      ['2025-05-07', 1, 3],
      ['2025-05-08', 2, 5],
      ['2025-05-09', 3, 5],
    ]);
    expect(result.total).toEqual({ reservedRoomDays: 8, availableRoomDays: 21, ratio: 0.381 });
  });

  it('has no ratio when nothing is available', () => {
    expect(usage({ reserved: 0, available: 0 }).ratio).toBeNull();
  });
});
