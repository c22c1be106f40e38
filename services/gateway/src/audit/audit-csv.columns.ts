import { CsvColumn } from '../csv/csv-export';
import type { AuditEntryView } from '@sinergi/contracts';

/** The audit export's header labels (Bahasa Indonesia, English) and values. */
export const AUDIT_COLUMNS: ReadonlyArray<CsvColumn<AuditEntryView>> = [
  { id: 'ID', en: 'ID', value: (entry) => entry.id },
  { id: 'Waktu', en: 'Occurred at', value: (entry) => entry.occurredAt },
  { id: 'Subjek pelaku', en: 'Actor subject', value: (entry) => entry.actor.subject },
  { id: 'Peran pelaku', en: 'Actor roles', value: (entry) => entry.actor.roles.join(' ') },
  { id: 'Alamat klien', en: 'Client address', value: (entry) => entry.actor.clientAddress },
  { id: 'Operasi', en: 'Operation', value: (entry) => entry.operation },
  { id: 'Jenis', en: 'Kind', value: (entry) => entry.kind },
  { id: 'Jenis rekaman', en: 'Record type', value: (entry) => entry.record?.type },
  { id: 'ID rekaman', en: 'Record ID', value: (entry) => entry.record?.id },
  { id: 'Hasil (status HTTP)', en: 'Outcome (HTTP status)', value: (entry) => entry.outcome },
  { id: 'ID korelasi', en: 'Correlation ID', value: (entry) => entry.correlationId },
];
