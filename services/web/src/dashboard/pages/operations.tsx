import { useState } from 'preact/hooks';
import type { DeadLetterCount } from '@sinergi/contracts/http/dashboards';
import { api } from '../../shared/api';
import { formatDateTime, formatNumber, useT } from '../../shared/i18n';
import { ActionButton, CsvLink, ErrorNotice, Field, Loading } from '../../shared/ui';
import { useData } from '../live';

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
  redriveText: { id: 'Pesan dikirim kembali ke topiknya dan diproses ulang oleh layanan.', en: 'The message goes back onto its topic and the service processes it again.' },
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
      <section aria-labelledby="lag-heading">
        <div class="toolbar">
          <h2 id="lag-heading">{t('lag')}</h2>
        </div>
        {lag.error ? <ErrorNotice error={lag.error} /> : null}
        {!lag.data && lag.loading ? <Loading /> : null}
        {lag.data ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('service')}</th>
                  <th scope="col">{t('group')}</th>
                  <th scope="col">{t('topic')}</th>
                  <th scope="col" class="number">{t('partition')}</th>
                  <th scope="col" class="number">{t('committed')}</th>
                  <th scope="col" class="number">{t('end')}</th>
                  <th scope="col" class="number">{t('lagCount')}</th>
                </tr>
              </thead>
              <tbody>
                {lag.data.map((row) => (
                  <tr key={`${row.groupId}-${row.topic}-${row.partition}`}>
                    <td>{row.service}</td>
                    <td>{row.groupId}</td>
                    <td>{row.topic}</td>
                    <td class="number">{row.partition}</td>
                    <td class="number">{row.committedOffset}</td>
                    <td class="number">{row.endOffset}</td>
                    <td class="number">{formatNumber(row.lag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="outbox-heading">
        <div class="toolbar">
          <h2 id="outbox-heading">{t('outbox')}</h2>
        </div>
        {outbox.error ? <ErrorNotice error={outbox.error} /> : null}
        {outbox.data ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('service')}</th>
                  <th scope="col" class="number">{t('pending')}</th>
                  <th scope="col" class="number">{t('parked')}</th>
                  <th scope="col">{t('oldest')}</th>
                  <th scope="col" class="number">{t('age')}</th>
                </tr>
              </thead>
              <tbody>
                {outbox.data.map((row) => (
                  <tr key={row.service}>
                    <td>{row.service}</td>
                    <td class="number">{formatNumber(row.pending)}</td>
                    <td class="number">{formatNumber(row.parked)}</td>
                    <td>{row.oldestPendingAt ? formatDateTime(row.oldestPendingAt) : '—'}</td>
                    <td class="number">{row.oldestPendingAgeSeconds === null ? '—' : formatNumber(row.oldestPendingAgeSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="dead-letter-counts-heading">
        <div class="toolbar">
          <h2 id="dead-letter-counts-heading">{t('deadLetterCounts')}</h2>
          <CsvLink path="/api/v1/dashboard/dead-letters" />
        </div>
        {counts.error ? <ErrorNotice error={counts.error} /> : null}
        {counts.data ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('topic')}</th>
                  <th scope="col" class="number">{t('count')}</th>
                  <th scope="col">{t('countedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.data.map((row) => (
                  <tr key={row.topic}>
                    <td>{row.topic}</td>
                    <td class="number">{formatNumber(row.deadLetters)}</td>
                    <td>{formatDateTime(row.countedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <DeadLetters />
    </>
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
          <input value={filters.service} onChange={(event) => setFilters({ ...filters, service: (event.currentTarget as HTMLInputElement).value.trim() })} />
        </Field>
        <Field label={t('filterTopic')}>
          <input value={filters.topic} onChange={(event) => setFilters({ ...filters, topic: (event.currentTarget as HTMLInputElement).value.trim() })} />
        </Field>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p class="muted">{t('none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('service')}</th>
                <th scope="col">{t('topic')}</th>
                <th scope="col">{t('eventType')}</th>
                <th scope="col">{t('reason')}</th>
                <th scope="col">{t('failedAt')}</th>
                <th scope="col" class="number">{t('attempts')}</th>
                <th scope="col">
                  <span class="muted">{t('inspect')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((row) => (
                <tr key={`${row.service}-${row.id}`}>
                  <td>{row.service}</td>
                  <td>{row.topic}</td>
                  <td>{row.eventType ?? '—'}</td>
                  <td>{row.reason}</td>
                  <td>{formatDateTime(row.failedAt)}</td>
                  <td class="number">{formatNumber(row.attempts)}</td>
                  <td>
                    <button type="button" class="button button-quiet" onClick={() => setInspected({ service: row.service, id: row.id })}>
                      {t('inspect')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
