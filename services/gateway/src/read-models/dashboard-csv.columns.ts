import {
  BATCH_STATUSES,
  BatchStatus,
  ClassView,
  DeadLetterCount,
  InstructorLoad,
  NotificationOutcomes,
  ProvinceFigures,
  VenueDay,
} from '@sinergi/contracts';
import { CsvColumn } from '../csv/csv-export';

/** The header labels (Bahasa Indonesia, English) and values of each dashboard export, one table per CSV. */

export const CLASS_COLUMNS: ReadonlyArray<CsvColumn<ClassView>> = [
  { id: 'ID kelas', en: 'Class ID', value: (row) => row.batchId },
  { id: 'ID program', en: 'Programme ID', value: (row) => row.programmeId },
  { id: 'Kode provinsi', en: 'Province code', value: (row) => row.provinceCode },
  { id: 'Kode modul', en: 'Module code', value: (row) => row.moduleCode },
  { id: 'Kode tempat', en: 'Venue code', value: (row) => row.venueCode },
  { id: 'Ruang', en: 'Room', value: (row) => row.roomCode },
  { id: 'ID instruktur', en: 'Instructor ID', value: (row) => row.instructorId },
  { id: 'Tanggal mulai', en: 'Start date', value: (row) => row.startDate },
  { id: 'Tanggal selesai', en: 'End date', value: (row) => row.endDate },
  { id: 'Status', en: 'Status', value: (row) => row.status },
  { id: 'Kursi', en: 'Seats', value: (row) => row.fill.seats },
  { id: 'Tempat cadangan', en: 'Reserve places', value: (row) => row.fill.reserves },
  { id: 'Kuorum minimum', en: 'Minimum quorum', value: (row) => row.fill.minimumQuorum },
  { id: 'Terpilih', en: 'Selected', value: (row) => row.fill.selected },
  { id: 'Terkonfirmasi', en: 'Confirmed', value: (row) => row.fill.confirmed },
  { id: 'Peserta cadangan', en: 'Reserve participants', value: (row) => row.fill.reserved },
  { id: 'Kuorum tercapai', en: 'Quorum met', value: (row) => row.fill.quorumMet },
];

const STATUS_LABELS: Readonly<Record<BatchStatus, { id: string; en: string }>> = {
  planned: { id: 'Kelas direncanakan', en: 'Classes planned' },
  confirmed: { id: 'Kelas dikonfirmasi', en: 'Classes confirmed' },
  failed: { id: 'Kelas gagal', en: 'Classes failed' },
  cancelled: { id: 'Kelas dibatalkan', en: 'Classes cancelled' },
  running: { id: 'Kelas berjalan', en: 'Classes running' },
  completed: { id: 'Kelas selesai', en: 'Classes completed' },
  closed: { id: 'Kelas ditutup', en: 'Classes closed' },
};

export const PROVINCE_COLUMNS: ReadonlyArray<CsvColumn<ProvinceFigures>> = [
  { id: 'Kode provinsi', en: 'Province code', value: (row) => row.provinceCode },
  ...BATCH_STATUSES.map((status): CsvColumn<ProvinceFigures> => ({
    ...STATUS_LABELS[status],
    value: (row) => row.classesByStatus[status],
  })),
  { id: 'Kursi', en: 'Seats', value: (row) => row.seats },
  { id: 'Terpilih', en: 'Selected', value: (row) => row.selected },
  { id: 'Terkonfirmasi', en: 'Confirmed', value: (row) => row.confirmed },
  { id: 'Peserta cadangan', en: 'Reserve participants', value: (row) => row.reserves },
  { id: 'Kelas di bawah kuorum', en: 'Classes under quorum', value: (row) => row.underQuorumClasses },
  { id: 'Di bawah kuorum sebelum batas konfirmasi', en: 'Under quorum before confirm-by', value: (row) => row.underQuorumBeforeConfirmBy },
];

export const UTILISATION_COLUMNS: ReadonlyArray<CsvColumn<VenueDay>> = [
  { id: 'Tanggal', en: 'Day', value: (row) => row.day },
  { id: 'Kelas', en: 'Classes', value: (row) => row.classes },
  { id: 'Ruang terpakai', en: 'Rooms held', value: (row) => row.rooms.join(' ') },
];

export const INSTRUCTOR_LOAD_COLUMNS: ReadonlyArray<CsvColumn<InstructorLoad>> = [
  { id: 'Bulan', en: 'Month', value: (row) => row.month },
  { id: 'ID instruktur', en: 'Instructor ID', value: (row) => row.instructorId },
  { id: 'Kelas', en: 'Classes', value: (row) => row.classes },
];

export const NOTIFICATION_COLUMNS: ReadonlyArray<CsvColumn<NotificationOutcomes>> = [
  { id: 'Kanal', en: 'Channel', value: (row) => row.channel },
  { id: 'Terkirim', en: 'Delivered', value: (row) => row.delivered },
  { id: 'Gagal', en: 'Failed', value: (row) => row.failed },
];

export const DEAD_LETTER_COLUMNS: ReadonlyArray<CsvColumn<DeadLetterCount>> = [
  { id: 'Topik', en: 'Topic', value: (row) => row.topic },
  { id: 'Pesan gagal (dead letter)', en: 'Dead letters', value: (row) => row.deadLetters },
  { id: 'Dihitung pada', en: 'Counted at', value: (row) => row.countedAt },
];
