import type { BatchStatus } from '@sinergi/contracts/events/batches';
import type { Text } from '../shared/i18n';

export const STATUS_LABELS: Record<BatchStatus, Text> = {
  planned: { id: 'Direncanakan', en: 'Planned' },
  confirmed: { id: 'Terkonfirmasi', en: 'Confirmed' },
  running: { id: 'Berjalan', en: 'Running' },
  completed: { id: 'Selesai', en: 'Completed' },
  closed: { id: 'Ditutup', en: 'Closed' },
  failed: { id: 'Gagal', en: 'Failed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const STATUSES = Object.keys(STATUS_LABELS) as BatchStatus[];
