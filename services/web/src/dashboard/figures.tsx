import type { ClassFigures, MessagesOfDay } from '@sinergi/contracts/http/dashboards';
import type { ProgrammeView } from '@sinergi/contracts/http/program';
import { formatDate, formatNumber, formatPercent, useLang, useT } from '../shared/i18n';
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
  underQuorumOpen: { id: 'Di bawah kuorum, sebelum batas konfirmasi', en: 'Under quorum before the confirm-by day' },
  underQuorumOpenDetail: { id: 'kelas terkonfirmasi yang masih bisa terisi sampai batas konfirmasinya', en: 'confirmed classes that may still fill by their confirm-by day' },
  reserves: { id: 'Cadangan', en: 'Reserves' },
  messages: { id: 'Pesan hari ini: terkirim / gagal', en: "Today's messages: sent / failed" },
  messagesDay: { id: 'WIB', en: 'WIB' },
  classesByStatus: { id: 'Kelas menurut status', en: 'Classes by status' },
  status: { id: 'Status', en: 'Status' },
  count: { id: 'Jumlah', en: 'Count' },
};

/** The headline figures of a programme (or of one province of it), and (the overview) today's messages across programmes. */
export function Figures({ figures, programme, messagesToday }: { figures: ClassFigures; programme?: ProgrammeView; messagesToday?: MessagesOfDay }) {
  const t = useT(messages);
  const lang = useLang();
  const fill = figures.seats > 0 ? figures.selected / figures.seats : 0;
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
        <Figure
          name="under-quorum-before-confirm-by"
          label={t('underQuorumOpen')}
          value={formatNumber(figures.underQuorumBeforeConfirmBy)}
          detail={t('underQuorumOpenDetail')}
          tone={figures.underQuorumBeforeConfirmBy > 0 ? 'warn' : 'ok'}
        />
        <Figure label={t('reserves')} value={formatNumber(figures.reserves)} />
        {messagesToday ? (
          <Figure
            name="messages-today"
            label={t('messages')}
            value={`${formatNumber(messagesToday.sent)} / ${formatNumber(messagesToday.failed)}`}
            detail={`${formatDate(messagesToday.day)} (${t('messagesDay')})`}
            tone={messagesToday.failed > 0 ? 'warn' : undefined}
          />
        ) : null}
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
