import { PROVINCES, type RegisterVenueRequest } from '@sinergi/contracts';

/** Training centres the programme named (public reporting on the May 2025 training); their rooms are invented. */
const NAMED_CENTRES: Array<Pick<RegisterVenueRequest, 'name' | 'kind' | 'provinceCode' | 'city'> & { venueCode: string }> = [
  { venueCode: 'BBPVP-BANDUNG', name: 'BBPVP Bandung', kind: 'BBPVP', provinceCode: '32', city: 'Kota Bandung' },
  { venueCode: 'BBPVP-BEKASI', name: 'BBPVP Bekasi', kind: 'BBPVP', provinceCode: '32', city: 'Kabupaten Bekasi' },
  { venueCode: 'BBPVP-MEDAN', name: 'BBPVP Medan', kind: 'BBPVP', provinceCode: '12', city: 'Kota Medan' },
  { venueCode: 'BBPVP-SEMARANG', name: 'BBPVP Semarang', kind: 'BBPVP', provinceCode: '33', city: 'Kota Semarang' },
  { venueCode: 'BBPVP-SERANG', name: 'BBPVP Serang', kind: 'BBPVP', provinceCode: '36', city: 'Kota Serang' },
  { venueCode: 'BBPVP-MAKASSAR', name: 'BBPVP Makassar', kind: 'BBPVP', provinceCode: '73', city: 'Kota Makassar' },
  { venueCode: 'BPVP-KENDARI', name: 'BPVP Kendari', kind: 'BPVP', provinceCode: '74', city: 'Kota Kendari' },
  { venueCode: 'BPVP-LOMBOK-TIMUR', name: 'BPVP Lombok Timur', kind: 'BPVP', provinceCode: '52', city: 'Kabupaten Lombok Timur' },
  { venueCode: 'BPVP-BANYUWANGI', name: 'BPVP Banyuwangi', kind: 'BPVP', provinceCode: '35', city: 'Kabupaten Banyuwangi' },
];

/** Provinces with a named centre first, then the others in code order; the Papua provinces are left out (their NIK and BPS codes differ). */
export function scenarioProvinces(count: number): string[] {
  const named = [...new Set(NAMED_CENTRES.map((centre) => centre.provinceCode))];
  const others = PROVINCES.map((province) => province.code).filter((code) => !named.includes(code) && !code.startsWith('9'));
  return [...named, ...others].slice(0, count);
}

export function provinceName(code: string): string {
  return PROVINCES.find((province) => province.code === code)?.name ?? code;
}

/**
 * The centres of the provinces, with `rooms` rooms per province split among the province's centres. A province
 * without a named centre gets one invented BLK, marked `sample`; the named ones are real centres with invented rooms.
 */
export function scenarioVenues(provinceCodes: string[], roomsPerProvince: number, roomSeats: number): RegisterVenueRequest[] {
  return provinceCodes.flatMap((provinceCode) => {
    const named = NAMED_CENTRES.filter((centre) => centre.provinceCode === provinceCode);
    const centres = named.length > 0
      ? named.map((centre) => ({ ...centre, sample: false }))
      : [{ venueCode: `BLK-CONTOH-${provinceCode}`, name: `BLK Contoh ${provinceName(provinceCode)}`, kind: 'BLK' as const, provinceCode, city: `Kota Contoh ${provinceName(provinceCode)}`, sample: true }];
    return centres.map((centre, index) => {
      const rooms = Math.ceil((roomsPerProvince - index) / centres.length);
      return {
        ...centre,
        rooms: Array.from({ length: rooms }, (_, room) => ({ roomCode: `R${room + 1}`, name: `Ruang Kelas ${room + 1}`, seats: roomSeats })),
        closedDays: [],
      };
    });
  });
}
