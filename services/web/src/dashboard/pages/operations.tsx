import { useState } from 'preact/hooks';
import type { DeadLetterCount } from '@sinergi/contracts/http/dashboards';
import { api } from '../../shared/api';
import { formatDateTime, formatNumber, useT } from '../../shared/i18n';
import type { ComponentChildren } from 'preact';
import { ActionButton, type Column, CsvLink, DataTable, ErrorNotice, Field, Loading } from '../../shared/ui';
import { type DataState, useData } from '../live';

/** GET /api/v1/operations/consumer-lag */
interface ConsumerLag {
  service: string;
  groupId: string;
  topic: string;
  partition: number;
  committedOffset: string | number;
  endOffset: string | number;
  lag: number;
}

/** GET /api/v1/operations/outbox */
interface OutboxBacklog {
  service: string;
  pending: number;
  parked: number;
  oldestPendingAt: string | null;
  oldestPendingAgeSeconds: number | null;
}

interface DeadLetter {
  service: string;
  id: string;
  topic: string;
  eventType: string | null;
  reason: string;
  failedAt: string;
  attempts: number;
}

interface DeadLetterDetail extends DeadLetter {
  headers: Record<string, string>;
  /** With personal data masked by the service. */
  payload: unknown;
  reasonDetail?: string;
}

const messages = {
  title: { id: 'Operasional', en: 'Operations' },
  lag: { id: 'Ketertinggalan konsumen', en: 'Consumer lag' },
  service: { id: 'Layanan', en: 'Service' },
  group: { id: 'Grup konsumen', en: 'Consumer group' },
  topic: { id: 'Topik', en: 'Topic' },
  partition: { id: 'Partisi', en: 'Partition' },
  committed: { id: 'Offset tercatat', en: 'Committed offset' },
  end: { id: 'Offset akhir', en: 'End offset' },
  lagCount: { id: 'Tertinggal', en: 'Lag' },
  outbox: { id: 'Antrean outbox', en: 'Outbox backlog' },
  pending: { id: 'Menunggu', en: 'Pending' },
  parked: { id: 'Diparkir', en: 'Parked' },
  oldest: { id: 'Tertua menunggu', en: 'Oldest pending' },
  age: { id: 'Umur (detik)', en: 'Age (seconds)' },
  deadLetterCounts: { id: 'Dead letter per topik', en: 'Dead letters per topic' },
  deadLetters: { id: 'Dead letter', en: 'Dead letters' },
  count: { id: 'Jumlah', en: 'Count' },
  countedAt: { id: 'Dihitung', en: 'Counted' },
  eventType: { id: 'Jenis event', en: 'Event type' },
  reason: { id: 'Alasan', en: 'Reason' },
  failedAt: { id: 'Gagal pada', en: 'Failed at' },
  attempts: { id: 'Percobaan', en: 'Attempts' },
  inspect: { id: 'Periksa', en: 'Inspect' },
  headers: { id: 'Header', en: 'Headers' },
  payload: { id: 'Isi (data pribadi disamarkan)', en: 'Payload (personal data masked)' },
  redrive: { id: 'Proses ulang', en: 'Re-drive' },
  redriveText: {
    id: 'Pesan dikirim kembali ke topiknya dan diproses ulang oleh layanan.',
    en: 'The message goes back onto its topic and the service processes it again.',
  },
  redriven: { id: 'Dikirim ulang', en: 'Re-driven' },
  none: { id: 'Tidak ada.', en: 'None.' },
  more: { id: 'Halaman berikutnya', en: 'Next page' },
  filterService: { id: 'Layanan', en: 'Service' },
  filterTopic: { id: 'Topik', en: 'Topic' },
};

/** Consumer lag, outbox backlogs and dead letters of every service; a dead letter can be inspected and re-driven. */
export function OperationsPage() {
  const t = useT(messages);
  const lag = useData((signal) => api.get<ConsumerLag[]>('/api/v1/operations/consumer-lag', {}, signal), []);
  const outbox = useData((signal) => api.get<OutboxBacklog[]>('/api/v1/operations/outbox', {}, signal), []);
  const counts = useData((signal) => api.get<DeadLetterCount[]>('/api/v1/dashboard/dead-letters', {}, signal), []);
  return (
    <>
      <h1>{t('title')}</h1>
      <TableSection
        id="lag-heading"
        title={t('lag')}
        state={lag}
        rowKey={(row) => `${row.groupId}-${row.topic}-${row.partition}`}
        columns={[
          { header: t('service'), cell: (row) => row.service },
          { header: t('group'), cell: (row) => row.groupId },
          { header: t('topic'), cell: (row) => row.topic },
          { header: t('partition'), numeric: true, cell: (row) => row.partition },
          { header: t('committed'), numeric: true, cell: (row) => row.committedOffset },
          { header: t('end'), numeric: true, cell: (row) => row.endOffset },
          { header: t('lagCount'), numeric: true, cell: (row) => formatNumber(row.lag) },
        ]}
      />
      <TableSection
        id="outbox-heading"
        title={t('outbox')}
        state={outbox}
        rowKey={(row) => row.service}
        columns={[
          { header: t('service'), cell: (row) => row.service },
          { header: t('pending'), numeric: true, cell: (row) => formatNumber(row.pending) },
          { header: t('parked'), numeric: true, cell: (row) => formatNumber(row.parked) },
          { header: t('oldest'), cell: (row) => (row.oldestPendingAt ? formatDateTime(row.oldestPendingAt) : '—') },
          {
            header: t('age'),
            numeric: true,
            cell: (row) => (row.oldestPendingAgeSeconds === null ? '—' : formatNumber(row.oldestPendingAgeSeconds)),
          },
        ]}
      />
      <TableSection
        id="dead-letter-counts-heading"
        title={t('deadLetterCounts')}
        toolbar={<CsvLink path="/api/v1/dashboard/dead-letters" />}
        state={counts}
        rowKey={(row) => row.topic}
        columns={[
          { header: t('topic'), cell: (row) => row.topic },
          { header: t('count'), numeric: true, cell: (row) => formatNumber(row.deadLetters) },
          { header: t('countedAt'), cell: (row) => formatDateTime(row.countedAt) },
        ]}
      />
      <DeadLetters />
    </>
  );
}

/** A titled section of one table, with its loading and error states. */
function TableSection<T>(props: {
  id: string;
  title: string;
  toolbar?: ComponentChildren;
  state: DataState<T[]>;
  columns: ReadonlyArray<Column<T>>;
  rowKey: (row: T) => string;
}) {
  const { state } = props;
  return (
    <section aria-labelledby={props.id}>
      <div class="toolbar">
        <h2 id={props.id}>{props.title}</h2>
        {props.toolbar}
      </div>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {!state.data && state.loading ? <Loading /> : null}
      {state.data ? <DataTable rows={state.data} columns={props.columns} rowKey={props.rowKey} /> : null}
    </section>
  );
}

function DeadLetters() {
  const t = useT(messages);
  const [filters, setFilters] = useState({ service: '', topic: '' });
  const [cursor, setCursor] = useState<string | undefined>();
  const [inspected, setInspected] = useState<{ service: string; id: string } | undefined>();
  const list = useData(
    (signal) => api.get<{ items: DeadLetter[]; next?: string }>('/api/v1/operations/dead-letters', { ...filters, cursor }, signal),
    [filters.service, filters.topic, cursor],
  );
  return (
    <section aria-labelledby="dead-letters-heading">
      <div class="toolbar">
        <h2 id="dead-letters-heading">{t('deadLetters')}</h2>
        <Field label={t('filterService')}>
          <input
            value={filters.service}
            onChange={(event) => setFilters({ ...filters, service: (event.currentTarget as HTMLInputElement).value.trim() })}
          />
        </Field>
        <Field label={t('filterTopic')}>
          <input
            value={filters.topic}
            onChange={(event) => setFilters({ ...filters, topic: (event.currentTarget as HTMLInputElement).value.trim() })}
          />
        </Field>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p class="muted">{t('none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable
          rows={list.data.items}
          rowKey={(row) => `${row.service}-${row.id}`}
          columns={[
            { header: t('service'), cell: (row) => row.service },
            { header: t('topic'), cell: (row) => row.topic },
            { header: t('eventType'), cell: (row) => row.eventType ?? '—' },
            { header: t('reason'), cell: (row) => row.reason },
            { header: t('failedAt'), cell: (row) => formatDateTime(row.failedAt) },
            { header: t('attempts'), numeric: true, cell: (row) => formatNumber(row.attempts) },
            {
              header: <span class="muted">{t('inspect')}</span>,
              cell: (row) => (
                <button type="button" class="button button-quiet" onClick={() => setInspected({ service: row.service, id: row.id })}>
                  {t('inspect')}
                </button>
              ),
            },
          ]}
        />
      ) : null}
      {list.data?.next ? (
        <button type="button" class="button button-quiet" onClick={() => setCursor(list.data?.next)}>
          {t('more')}
        </button>
      ) : null}
      {inspected ? <DeadLetterInspection {...inspected} onRedriven={list.reload} /> : null}
    </section>
  );
}

function DeadLetterInspection({ service, id, onRedriven }: { service: string; id: string; onRedriven: () => void }) {
  const t = useT(messages);
  const path = `/api/v1/operations/dead-letters/${encodeURIComponent(service)}/${encodeURIComponent(id)}`;
  const detail = useData((signal) => api.get<DeadLetterDetail>(path, {}, signal), [path]);
  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Loading />;
  return (
    <article aria-label={`${service} ${id}`}>
      <h3>
        {detail.data.topic} · {detail.data.eventType ?? id}
      </h3>
      <p>
        {t('reason')}: {detail.data.reason}
        {detail.data.reasonDetail ? ` — ${detail.data.reasonDetail}` : ''}
      </p>
      <h4>{t('headers')}</h4>
      <pre class="payload">{JSON.stringify(detail.data.headers, null, 2)}</pre>
      <h4>{t('payload')}</h4>
      <pre class="payload">{JSON.stringify(detail.data.payload, null, 2)}</pre>
      <ActionButton<unknown>
        label={t('redrive')}
        title={t('redrive')}
        description={t('redriveText')}
        run={() => api.post(`${path}/redrive`)}
        outcome={() => t('redriven')}
        onDone={onRedriven}
      />
    </article>
  );
}
