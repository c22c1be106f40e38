import { useState } from 'preact/hooks';
import type { ClassView, DashboardClassesParams } from '@sinergi/contracts/http/dashboards';
import type { Page } from '@sinergi/contracts/http/page';
import { api } from '../shared/api';
import { formatDate, formatNumber, useLang, useT } from '../shared/i18n';
import { provinceName } from '../shared/provinces';
import { CsvLink, ErrorNotice, Loading } from '../shared/ui';
import { STATUS_LABELS } from './labels';
import { useData } from './live';

const messages = {
  caption: { id: 'Kelas', en: 'Classes' },
  class: { id: 'Kelas', en: 'Class' },
  province: { id: 'Provinsi', en: 'Province' },
  venue: { id: 'Tempat (ruang)', en: 'Venue (room)' },
  dates: { id: 'Tanggal', en: 'Dates' },
  status: { id: 'Status', en: 'Status' },
  seats: { id: 'Kursi', en: 'Seats' },
  selected: { id: 'Terpilih', en: 'Selected' },
  confirmed: { id: 'Terkonfirmasi', en: 'Confirmed' },
  reserves: { id: 'Cadangan', en: 'Reserves' },
  quorum: { id: 'Kuorum', en: 'Quorum' },
  none: { id: 'Belum ada kelas.', en: 'No classes yet.' },
  more: { id: 'Halaman berikutnya', en: 'Next page' },
  first: { id: 'Halaman pertama', en: 'First page' },
  met: { id: 'tercapai', en: 'met' },
  notMet: { id: 'belum', en: 'not yet' },
};

export function StatusBadge({ status }: { status: ClassView['status'] }) {
  const lang = useLang();
  if (!status) return <span class="status">—</span>;
  return <span class={`status status-${status}`}>{STATUS_LABELS[status][lang]}</span>;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** A page of the classes read model under the given filters, each row a link to its class. */
export function ClassesTable({ filters }: { filters: Omit<DashboardClassesParams, 'cursor' | 'limit'> }) {
  const t = useT(messages);
  const [cursor, setCursor] = useState<string | undefined>();
  const key = JSON.stringify(filters);
  const classes = useData(
    (signal) => api.get<Page<ClassView>>('/api/v1/dashboard/classes', { ...filters, cursor, limit: 50 }, signal),
    [key, cursor],
    (change) => (!change.programmeId || change.programmeId === filters.programmeId) && (!filters.provinceCode || !change.provinceCode || change.provinceCode === filters.provinceCode),
  );
  return (
    <section aria-labelledby="classes-heading">
      <div class="toolbar">
        <h2 id="classes-heading">{t('caption')}</h2>
        <CsvLink path="/api/v1/dashboard/classes" query={filters} />
      </div>
      {classes.error ? <ErrorNotice error={classes.error} /> : null}
      {!classes.data && classes.loading ? <Loading /> : null}
      {classes.data ? (
        classes.data.items.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('class')}</th>
                  <th scope="col">{t('province')}</th>
                  <th scope="col">{t('venue')}</th>
                  <th scope="col">{t('dates')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col" class="number">{t('seats')}</th>
                  <th scope="col" class="number">{t('selected')}</th>
                  <th scope="col" class="number">{t('confirmed')}</th>
                  <th scope="col" class="number">{t('reserves')}</th>
                  <th scope="col">{t('quorum')}</th>
                </tr>
              </thead>
              <tbody>
                {classes.data.items.map((row) => (
                  <tr key={row.batchId} data-batch-id={row.batchId}>
                    <td>
                      <a href={`/classes/${row.batchId}`}>
                        {row.moduleCode ?? ''} · {shortId(row.batchId)}
                      </a>
                    </td>
                    <td>{provinceName(row.provinceCode)}</td>
                    <td>
                      {row.venueCode ?? '—'}
                      {row.roomCode ? ` (${row.roomCode})` : ''}
                    </td>
                    <td>{row.startDate ? `${formatDate(row.startDate)} – ${formatDate(row.endDate ?? row.startDate)}` : '—'}</td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td class="number">{row.fill.seats === null ? '—' : formatNumber(row.fill.seats)}</td>
                    <td class="number">{formatNumber(row.fill.selected)}</td>
                    <td class="number">{formatNumber(row.fill.confirmed)}</td>
                    <td class="number">{formatNumber(row.fill.reserved)}</td>
                    <td>{row.fill.quorumMet ? t('met') : t('notMet')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <div class="actions">
        {cursor ? (
          <button type="button" class="button button-quiet" onClick={() => setCursor(undefined)}>
            {t('first')}
          </button>
        ) : null}
        {classes.data?.next ? (
          <button type="button" class="button button-quiet" onClick={() => setCursor(classes.data?.next)}>
            {t('more')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
