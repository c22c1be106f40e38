import type { Gender, Language, RegisterParticipantRequest } from '@sinergi/contracts';

/** How a person reaches the programme. */
export type Channel = 'nomination' | 'self-service' | 'lottery';

/** One invented participant (sample data: no real person has these NIKs, names or numbers). */
export interface Person {
  index: number;
  channel: Channel;
  registration: RegisterParticipantRequest;
  participantId?: string;
  enrollmentId?: string;
}

/**
 * Splits `total` people among the provinces in proportion to their seats, leaning every other province 5% over and
 * the next 5% under, so that some classes fill and keep reserves (and turn people away) while others keep free seats.
 * Largest remainder rounding; the result adds up to `total`.
 */
export function provinceQuotas(seatsByProvince: Map<string, number>, total: number): Map<string, number> {
  const provinces = [...seatsByProvince.keys()];
  const weights = provinces.map((code, index) => (seatsByProvince.get(code) ?? 0) * (index % 2 === 0 ? 1.05 : 0.95));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new Error('no province has a confirmed class: nobody can be seated');
  const exact = weights.map((weight) => (weight / sum) * total);
  const quotas = exact.map(Math.floor);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (let left = total - quotas.reduce((a, b) => a + b, 0), at = 0; left > 0; left -= 1, at += 1) quotas[byRemainder[at].index] += 1;
  return new Map(provinces.map((code, index) => [code, quotas[index]]));
}

/** The provinces of `total` people in an interleaved order, so that every stretch of the surge reaches every province. */
export function interleave(quotas: Map<string, number>): string[] {
  const slots = [...quotas].flatMap(([code, quota]) => Array.from({ length: quota }, (_, k) => ({ code, at: (k + 0.5) / quota })));
  return slots.sort((a, b) => a.at - b.at || a.code.localeCompare(b.code)).map((slot) => slot.code);
}

/** Person `index` of a province: a valid NIK of that province (regency 01, district 01), birth date and gender matching it. */
export function person(index: number, provinceCode: string, channel: Channel): Person {
  const gender: Gender = index % 2 === 0 ? 'F' : 'M';
  const year = 1970 + (index % 30);
  const month = 1 + (index % 12);
  const day = 1 + (index % 28);
  const nikDay = gender === 'F' ? day + 40 : day;
  // Serials 0001-9998: 9999 is the serial the stub civil registry does not match.
  const serial = String((index % 9998) + 1).padStart(4, '0');
  const nik = `${provinceCode}0101${two(nikDay)}${two(month)}${two(year % 100)}${serial}`;
  const language: Language = index % 10 === 9 ? 'en' : 'id';
  return {
    index,
    channel,
    registration: {
      nik,
      fullName: `Peserta Contoh ${index}`,
      birthDate: `${year}-${two(month)}-${two(day)}`,
      gender,
      phone: `+62813${String(index).padStart(8, '0')}`,
      provinceCode,
      language,
      business: { scale: index % 3 === 0 ? 'small' : 'micro', sector: SECTORS[index % SECTORS.length] },
    },
  };
}

const SECTORS = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'jasa'];

function two(value: number): string {
  return String(value).padStart(2, '0');
}
