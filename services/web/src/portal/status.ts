import type { EnrollmentStatus } from '@sinergi/contracts/http/enrollment';
import type { Text } from '../shared/i18n';

/** Each enrollment status as the participant reads it. */
export const STATUS_TEXT: Record<EnrollmentStatus, Text> = {
  'pending-identity': { id: 'Menunggu pemeriksaan data kependudukan (Dukcapil)', en: 'Waiting for the civil registry (Dukcapil) check' },
  registered: { id: 'Terdaftar, menunggu seleksi', en: 'Registered, waiting for the selection' },
  rejected: { id: 'Belum memenuhi syarat', en: 'Not eligible' },
  selected: { id: 'Mendapat kursi: konfirmasi (daftar ulang) diperlukan', en: 'Seat offered: please confirm it' },
  reserved: { id: 'Daftar cadangan', en: 'On the reserve list' },
  'not-selected': { id: 'Belum mendapat kursi', en: 'No seat this time' },
  confirmed: { id: 'Kursi terkonfirmasi', en: 'Seat confirmed' },
  expired: { id: 'Kursi dilepas (tidak dikonfirmasi tepat waktu)', en: 'Seat released (not confirmed in time)' },
  withdrawn: { id: 'Mengundurkan diri', en: 'Withdrawn' },
  'awaiting-move': { id: 'Kelas berubah: pilih kelas pengganti', en: 'Class changed: choose another class' },
  released: { id: 'Tidak lagi terdaftar di kelas', en: 'No longer in the class' },
};
