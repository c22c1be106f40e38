export interface Province {
  /** Kemendagri code: the one inside a NIK and the one events carry. */
  code: string;
  /** BPS statistical code; equal to the Kemendagri code except for the six Papua provinces. */
  bpsCode: string;
  name: string;
}

export const PROVINCES: readonly Province[] = [
  { code: '11', bpsCode: '11', name: 'Aceh' },
  { code: '12', bpsCode: '12', name: 'Sumatera Utara' },
  { code: '13', bpsCode: '13', name: 'Sumatera Barat' },
  { code: '14', bpsCode: '14', name: 'Riau' },
  { code: '15', bpsCode: '15', name: 'Jambi' },
  { code: '16', bpsCode: '16', name: 'Sumatera Selatan' },
  { code: '17', bpsCode: '17', name: 'Bengkulu' },
  { code: '18', bpsCode: '18', name: 'Lampung' },
  { code: '19', bpsCode: '19', name: 'Kepulauan Bangka Belitung' },
  { code: '21', bpsCode: '21', name: 'Kepulauan Riau' },
  { code: '31', bpsCode: '31', name: 'DKI Jakarta' },
  { code: '32', bpsCode: '32', name: 'Jawa Barat' },
  { code: '33', bpsCode: '33', name: 'Jawa Tengah' },
  { code: '34', bpsCode: '34', name: 'DI Yogyakarta' },
  { code: '35', bpsCode: '35', name: 'Jawa Timur' },
  { code: '36', bpsCode: '36', name: 'Banten' },
  { code: '51', bpsCode: '51', name: 'Bali' },
  { code: '52', bpsCode: '52', name: 'Nusa Tenggara Barat' },
  { code: '53', bpsCode: '53', name: 'Nusa Tenggara Timur' },
  { code: '61', bpsCode: '61', name: 'Kalimantan Barat' },
  { code: '62', bpsCode: '62', name: 'Kalimantan Tengah' },
  { code: '63', bpsCode: '63', name: 'Kalimantan Selatan' },
  { code: '64', bpsCode: '64', name: 'Kalimantan Timur' },
  { code: '65', bpsCode: '65', name: 'Kalimantan Utara' },
  { code: '71', bpsCode: '71', name: 'Sulawesi Utara' },
  { code: '72', bpsCode: '72', name: 'Sulawesi Tengah' },
  { code: '73', bpsCode: '73', name: 'Sulawesi Selatan' },
  { code: '74', bpsCode: '74', name: 'Sulawesi Tenggara' },
  { code: '75', bpsCode: '75', name: 'Gorontalo' },
  { code: '76', bpsCode: '76', name: 'Sulawesi Barat' },
  { code: '81', bpsCode: '81', name: 'Maluku' },
  { code: '82', bpsCode: '82', name: 'Maluku Utara' },
  { code: '91', bpsCode: '94', name: 'Papua' },
  { code: '92', bpsCode: '91', name: 'Papua Barat' },
  { code: '93', bpsCode: '95', name: 'Papua Selatan' },
  { code: '94', bpsCode: '96', name: 'Papua Tengah' },
  { code: '95', bpsCode: '97', name: 'Papua Pegunungan' },
  { code: '96', bpsCode: '92', name: 'Papua Barat Daya' },
];

export const PROVINCE_CODES: readonly string[] = PROVINCES.map((province) => province.code);

export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.find((province) => province.code === code);
}
