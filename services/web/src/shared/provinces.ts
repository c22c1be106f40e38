import { PROVINCES, type Province } from '@sinergi/contracts/reference/provinces';
import type { ZoneName } from './i18n';

/** A province with its time zone and its tile in the archipelago-shaped grid (column, row; west to east, north to south). */
export interface ProvinceTile extends Province {
  zone: ZoneName;
  short: string;
  col: number;
  row: number;
}

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** Where each province sits on the tile map (15 columns, 7 rows), and the short name its tile shows. */
const TILES: Record<string, { short: string; col: number; row: number }> = {
  '11': { short: 'ACEH', col: 1, row: 1 },
  '12': { short: 'SUMUT', col: 2, row: 2 },
  '14': { short: 'RIAU', col: 3, row: 2 },
  '21': { short: 'KEPRI', col: 4, row: 2 },
  '13': { short: 'SUMBAR', col: 2, row: 3 },
  '15': { short: 'JAMBI', col: 3, row: 3 },
  '19': { short: 'BABEL', col: 4, row: 3 },
  '17': { short: 'BKL', col: 3, row: 4 },
  '16': { short: 'SUMSEL', col: 4, row: 4 },
  '18': { short: 'LPG', col: 4, row: 5 },
  '36': { short: 'BANTEN', col: 5, row: 6 },
  '31': { short: 'DKI', col: 6, row: 6 },
  '32': { short: 'JABAR', col: 7, row: 6 },
  '33': { short: 'JATENG', col: 8, row: 6 },
  '34': { short: 'DIY', col: 8, row: 7 },
  '35': { short: 'JATIM', col: 9, row: 6 },
  '51': { short: 'BALI', col: 10, row: 6 },
  '52': { short: 'NTB', col: 11, row: 6 },
  '53': { short: 'NTT', col: 12, row: 6 },
  '61': { short: 'KALBAR', col: 6, row: 3 },
  '62': { short: 'KALTENG', col: 7, row: 3 },
  '63': { short: 'KALSEL', col: 8, row: 4 },
  '64': { short: 'KALTIM', col: 8, row: 3 },
  '65': { short: 'KALTARA', col: 8, row: 2 },
  '75': { short: 'GTLO', col: 10, row: 2 },
  '71': { short: 'SULUT', col: 11, row: 2 },
  '76': { short: 'SULBAR', col: 9, row: 3 },
  '72': { short: 'SULTENG', col: 10, row: 3 },
  '73': { short: 'SULSEL', col: 10, row: 4 },
  '74': { short: 'SULTRA', col: 11, row: 4 },
  '82': { short: 'MALUT', col: 12, row: 2 },
  '81': { short: 'MALUKU', col: 12, row: 4 },
  '96': { short: 'PBD', col: 13, row: 3 },
  '92': { short: 'PABAR', col: 14, row: 3 },
  '91': { short: 'PAPUA', col: 15, row: 3 },
  '94': { short: 'PAPTENG', col: 14, row: 4 },
  '95': { short: 'PAPEG', col: 15, row: 4 },
  '93': { short: 'PAPSEL', col: 15, row: 5 },
};

export const TILE_COLUMNS = 15;
export const TILE_ROWS = 7;

export function zoneOf(provinceCode: string): ZoneName {
  if (WIT.has(provinceCode)) return 'WIT';
  if (WITA.has(provinceCode)) return 'WITA';
  return 'WIB';
}

export const PROVINCE_TILES: readonly ProvinceTile[] = PROVINCES.map((province) => {
  const tile = TILES[province.code];
  if (!tile) throw new Error(`province ${province.code} has no tile`);
  return { ...province, ...tile, zone: zoneOf(province.code) };
});

export function provinceName(code: string | undefined | null): string {
  return PROVINCES.find((province) => province.code === code)?.name ?? code ?? '';
}
