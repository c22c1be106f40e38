import type { FieldError } from '@sinergi/contracts/http/problem';
import type { Lang, Text } from '../shared/i18n';

/**
 * What the API's rules mean, in plain words for a participant filling the form on a phone. Keyed by `field/rule`
 * (or `*\/rule` for any field); the API's own message is shown when a rule has no explanation here.
 */
const EXPLANATIONS: Record<string, Text> = {
  'nik/nik-digits': {
    id: 'NIK harus 16 angka, tanpa spasi, titik atau huruf. Salin dari KTP atau Kartu Keluarga Anda.',
    en: 'The NIK must be 16 digits, with no spaces, dots or letters. Copy it from your KTP or family card.',
  },
  'nik/nik-province': {
    id: 'Dua angka pertama NIK adalah kode provinsi tempat NIK dibuat, dan angka itu bukan kode provinsi yang ada. Periksa lagi dua angka pertama NIK Anda.',
    en: 'The first two digits of a NIK are the code of the province that issued it, and these are not a province code. Check the first two digits.',
  },
  'nik/nik-regency': {
    id: 'Angka ke-3 dan ke-4 NIK adalah kode kabupaten/kota dan tidak mungkin 00. Periksa lagi angka-angka itu.',
    en: 'Digits 3 and 4 of a NIK are the regency or city code and cannot be 00.',
  },
  'nik/nik-district': {
    id: 'Angka ke-5 dan ke-6 NIK adalah kode kecamatan dan tidak mungkin 00. Periksa lagi angka-angka itu.',
    en: 'Digits 5 and 6 of a NIK are the district code and cannot be 00.',
  },
  'nik/nik-birth-date': {
    id: 'Angka ke-7 sampai ke-12 NIK adalah tanggal lahir (tanggal, bulan, tahun: TTBBTT). Pada NIK perempuan, tanggalnya ditambah 40 (lahir tanggal 12 tertulis 52). Angka di NIK Anda bukan tanggal yang ada.',
    en: 'Digits 7 to 12 of a NIK are the birth date (day, month, year: DDMMYY); for women 40 is added to the day (born on the 12th shows 52). These digits are not a real date.',
  },
  'nik/nik-matches-birth-date': {
    id: 'Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sama dengan tanggal lahir yang Anda isi. Salah satunya keliru: periksa KTP Anda.',
    en: 'The birth date inside the NIK (digits 7 to 12) is not the birth date you entered. One of them is wrong: check your KTP.',
  },
  'nik/nik-matches-gender': {
    id: 'NIK menunjukkan jenis kelamin: pada perempuan, angka ke-7 dan ke-8 adalah tanggal lahir ditambah 40. Jenis kelamin yang Anda pilih tidak cocok dengan NIK.',
    en: 'A NIK shows the gender: for women, digits 7 and 8 are the birth day plus 40. The gender you chose does not match the NIK.',
  },
  'nik/nik-serial': {
    id: 'Empat angka terakhir NIK adalah nomor urut dan tidak mungkin 0000. Periksa lagi angka-angka itu.',
    en: 'The last four digits of a NIK are a serial number and cannot be 0000.',
  },
  'nik/unique': {
    id: 'NIK ini sudah terdaftar. Anda tidak perlu mendaftar lagi: masuk dengan nomor ponsel atau e-mail yang dulu Anda daftarkan.',
    en: 'This NIK is already registered. You need not register again: sign in with the phone number or e-mail you registered.',
  },
  'phone/indonesian-mobile': {
    id: 'Isi nomor ponsel Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890. Kode masuk dikirim ke nomor ini.',
    en: 'Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890. Your sign-in code is sent to it.',
  },
  'business.nib/nib-digits': {
    id: 'NIB (Nomor Induk Berusaha) harus 13 angka seperti tertulis di OSS. Kosongkan bila usaha Anda belum punya NIB.',
    en: 'The NIB must be 13 digits, as OSS shows it. Leave it empty if your business has none.',
  },
  'birthDate/in-past': { id: 'Tanggal lahir harus tanggal yang sudah lewat.', en: 'The birth date must be in the past.' },
  'birthDate/isCivilDate': { id: 'Isi tanggal lahir yang benar.', en: 'Enter a real birth date.' },
  '*/isNotEmpty': { id: 'Wajib diisi.', en: 'Required.' },
  '*/isDefined': { id: 'Wajib diisi.', en: 'Required.' },
  '*/isEmail': { id: 'Alamat e-mail tidak benar, contoh: nama@contoh.id.', en: 'Not an e-mail address, e.g. name@example.id.' },
  '*/isIn': { id: 'Pilih salah satu pilihan yang ada.', en: 'Choose one of the options.' },
  '*/maxLength': { id: 'Isian terlalu panjang.', en: 'Too long.' },
  '*/minLength': { id: 'Isian terlalu pendek.', en: 'Too short.' },
};

/** The plain-words explanation of one broken rule, in the page's language. */
export function explain(error: FieldError, lang: Lang): string {
  const text = EXPLANATIONS[`${error.field}/${error.rule}`] ?? EXPLANATIONS[`*/${error.rule}`];
  return text ? text[lang] : (error.message ?? error.rule);
}

/** The broken rules by field (a nested field, e.g. `business.scale`, under its own name). */
export function errorsByField(errors: readonly FieldError[]): Map<string, FieldError[]> {
  const byField = new Map<string, FieldError[]>();
  for (const error of errors) byField.set(error.field, [...(byField.get(error.field) ?? []), error]);
  return byField;
}

/** Why an enrollment was refused (eligibility or identity), by the field the reason names. */
const REASONS: Record<string, Text> = {
  'business.scale': { id: 'Skala usaha Anda bukan sasaran program ini.', en: 'Your business scale is not one this programme is for.' },
  birthDate: { id: 'Usia Anda pada hari pertama kelas di luar batas usia program.', en: 'Your age on the first day of the class is outside the programme’s age range.' },
  batchId: { id: 'Kelas yang Anda pilih tidak berada di provinsi Anda.', en: 'The class you chose is not in your province.' },
  provinceCode: { id: 'Program ini belum punya kelas di provinsi Anda.', en: 'This programme has no class in your province yet.' },
  nik: { id: 'Data kependudukan (Dukcapil) tidak cocok dengan NIK, nama, tanggal lahir dan jenis kelamin yang Anda daftarkan.', en: 'The civil registry (Dukcapil) did not match your NIK with the name, birth date and gender you registered.' },
};

export function explainReason(reason: { field: string; rule: string }, lang: Lang): string {
  return REASONS[reason.field]?.[lang] ?? reason.rule;
}
