import type { ClassFigures, NotificationOutcomes } from '@sinergi/contracts/http/dashboards';
import type { ProgrammeView } from '@sinergi/contracts/http/program';
import { formatNumber, formatPercent, useLang, useT } from '../shared/i18n';
import { Figure, Meter } from '../shared/ui';
import { STATUS_LABELS, STATUSES } from './labels';

const messages = {
  participants: { id: 'Peserta terpilih', en: 'Participants selected' },
  target: { id: 'target', en: 'target' },
  ceiling: { id: 'batas', en: 'ceiling' },
  confirmed: { id: 'terkonfirmasi', en: 'confirmed' },
  fillRate: { id: 'Keterisian kursi', en: 'Seats filled' },
  seatsOf: { id: 'dari', en: 'of' },
  seats: { id: 'kursi', en: 'seats' },
  underQuorum: { id: 'Kelas di bawah kuorum', en: 'Classes under quorum' },
  underQuorumDetail: { id: 'terkonfirmasi atau berjalan, peserta terkonfirmasi di bawah kuorum', en: 'confirmed or running, confirmed participants below the quorum' },
  reserves: { id: 'Cadangan', en: 'Reserves' },
  // The read model keeps no delivery time yet, so these are totals, not today's.
  messages: { id: 'Pesan terkirim / gagal (seluruhnya)', en: 'Messages sent / failed (all time)' },
  classesByStatus: { id: 'Kelas menurut status', en: 'Classes by status' },
  status: { id: 'Status', en: 'Status' },
  count: { id: 'Jumlah', en: 'Count' },
};

/** The headline figures of a programme (or of one province of it). */
export function Figures({ figures, programme, notifications }: { figures: ClassFigures; programme?: ProgrammeView; notifications?: NotificationOutcomes[] }) {
  const t = useT(messages);
  const lang = useLang();
  const fill = figures.seats > 0 ? figures.selected / figures.seats : 0;
  const sent = notifications?.reduce((sum, row) => sum + row.delivered, 0) ?? 0;
  const failed = notifications?.reduce((sum, row) => sum + row.failed, 0) ?? 0;
  return (
    <>
      <div class="figures">
        <div class="figure" data-figure="participants">
          <div class="figure-label">{t('participants')}</div>
          <div class="figure-value">{formatNumber(figures.selected)}</div>
          {programme ? (
            <>
              <div class="figure-detail">
                {t('target')} {formatNumber(programme.targetParticipants)} · {t('ceiling')} {formatNumber(programme.participantCeiling)}
              </div>
              <Meter value={figures.selected} max={programme.targetParticipants} label={`${t('participants')} / ${t('target')}`} />
            </>
          ) : null}
          <div class="figure-detail">
            {formatNumber(figures.confirmed)} {t('confirmed')}
          </div>
        </div>
        <Figure label={t('fillRate')} value={formatPercent(fill)} detail={`${formatNumber(figures.selected)} ${t('seatsOf')} ${formatNumber(figures.seats)} ${t('seats')}`} />
        <Figure label={t('underQuorum')} value={formatNumber(figures.underQuorumClasses)} detail={t('underQuorumDetail')} tone={figures.underQuorumClasses > 0 ? 'danger' : 'ok'} />
        <Figure label={t('reserves')} value={formatNumber(figures.reserves)} />
        {notifications ? <Figure label={t('messages')} value={`${formatNumber(sent)} / ${formatNumber(failed)}`} tone={failed > 0 ? 'warn' : undefined} /> : null}
      </div>
      <h2>{t('classesByStatus')}</h2>
      <div class="table-wrap">
        <table class="status-table">
          <thead>
            <tr>
              {STATUSES.map((status) => (
                <th scope="col" class="number" key={status}>
                  {STATUS_LABELS[status][lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {STATUSES.map((status) => (
                <td class="number" key={status} data-status={status}>
                  {formatNumber(figures.classesByStatus[status] ?? 0)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
