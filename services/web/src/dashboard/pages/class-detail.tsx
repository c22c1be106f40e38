import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { ClassRegisterView, RegisterLine } from '@sinergi/contracts/http/enrollment';
import type { DeliveryView } from '@sinergi/contracts/http/notification';
import type { Page } from '@sinergi/contracts/http/page';
import type { InstructorDetailView } from '@sinergi/contracts/http/instructor-module';
import type { BatchView } from '@sinergi/contracts/http/program';
import { api, ApiError, request } from '../../shared/api';
import { can } from '../../shared/access';
import { formatDate, formatDateTime, formatNumber, useLang, useT } from '../../shared/i18n';
import { provinceName, zoneOf } from '../../shared/provinces';
import type { Session } from '../../shared/session';
import { ActionButton, ErrorNotice, Field, Loading } from '../../shared/ui';
import { StatusBadge, shortId } from '../classes-table';
import { STATUS_LABELS } from '../labels';
import { useData } from '../live';

const messages = {
  back: { id: '← Semua kelas', en: '← All classes' },
  outOfReach: {
    id: 'Kelas ini di luar jangkauan peran Anda: Anda hanya dapat membuka kelas di tempat (BLK) Anda sendiri.',
    en: "This class is outside your role's reach: you can open only the classes of your own venues.",
  },
  class: { id: 'Kelas', en: 'Class' },
  province: { id: 'Provinsi', en: 'Province' },
  venue: { id: 'Tempat', en: 'Venue' },
  room: { id: 'Ruang', en: 'Room' },
  dates: { id: 'Tanggal', en: 'Dates' },
  confirmBy: { id: 'Batas konfirmasi', en: 'Confirm by' },
  instructor: { id: 'Instruktur', en: 'Instructor' },
  status: { id: 'Status', en: 'Status' },
  seats: { id: 'Kursi / cadangan', en: 'Seats / reserves' },
  fill: { id: 'Terpilih / terkonfirmasi / cadangan', en: 'Selected / confirmed / reserves' },
  quorum: { id: 'Kuorum minimum', en: 'Minimum quorum' },
  history: { id: 'Riwayat status', en: 'Status history' },
  at: { id: 'Waktu', en: 'When' },
  change: { id: 'Perubahan', en: 'Change' },
  note: { id: 'Catatan', en: 'Note' },
  roster: { id: 'Daftar hadir', en: 'Register' },
  participant: { id: 'Peserta', en: 'Participant' },
  attended: { id: 'Hadir (hari)', en: 'Days attended' },
  present: { id: 'hadir', en: 'present' },
  absent: { id: 'tidak hadir', en: 'absent' },
  notRecorded: { id: 'belum dicatat', en: 'not recorded' },
  noRoster: { id: 'Belum ada peserta.', en: 'No participants yet.' },
  messages: { id: 'Pesan kelas ini', en: "This class's messages" },
  template: { id: 'Templat', en: 'Template' },
  recipient: { id: 'Penerima', en: 'Recipient' },
  channel: { id: 'Kanal', en: 'Channel' },
  noMessages: { id: 'Belum ada pesan.', en: 'No messages yet.' },
  pending: { id: 'menunggu kirim', en: 'pending' },
  scheduled: { id: 'terjadwal', en: 'scheduled' },
  sent: { id: 'terkirim', en: 'sent' },
  failed: { id: 'gagal', en: 'failed' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
  held: { id: 'ditahan sebentar', en: 'held briefly' },
  superseded: { id: 'digantikan pesan berikutnya', en: 'superseded by a later message' },
  cancel: { id: 'Batalkan kelas', en: 'Cancel class' },
  cancelText: { id: 'Kelas dibatalkan; ruang dan instruktur dilepas dan peserta diberi tahu.', en: 'The class is cancelled; its room and instructor are released and its participants told.' },
  detail: { id: 'Alasan', en: 'Reason' },
  reschedule: { id: 'Jadwalkan ulang', en: 'Reschedule' },
  rescheduleText: { id: 'Kelas dipindah ke tanggal mulai baru.', en: 'The class moves to a new start date.' },
  startDate: { id: 'Tanggal mulai baru', en: 'New start date' },
  close: { id: 'Tutup kelas', en: 'Close class' },
  closeText: { id: 'Kelas ditutup: sertifikat dan surat keterangan diterbitkan dari daftar hadir.', en: 'The class is closed: certificates and participation letters are issued from the register.' },
  record: { id: 'Catat kehadiran', en: 'Record attendance' },
  recordText: { id: 'Centang peserta yang hadir pada hari ini.', en: 'Tick the participants present that day.' },
  day: { id: 'Hari', en: 'Day' },
  done: { id: 'Selesai', en: 'Done' },
};

/** One class: where and when, its history, its register (masked by role), its messages, and the actions the role may take. */
export function ClassDetail({ session }: { session: Session }) {
  const t = useT(messages);
  const lang = useLang();
  const { params } = useRoute();
  const batchId = params.id ?? '';
  const concerns = (change: { batchId?: string }) => !change.batchId || change.batchId === batchId;
  const batch = useData((signal) => api.get<BatchView>(`/api/v1/batches/${batchId}`, {}, signal), [batchId], concerns);
  const register = useData(
    (signal) => (can(session, 'attendance.get') ? api.get<ClassRegisterView>(`/api/v1/batches/${batchId}/attendance`, {}, signal) : Promise.resolve(undefined)),
    [batchId],
    concerns,
  );
  const deliveries = useData(
    (signal) =>
      can(session, 'deliveries.list')
        ? api.get<Page<DeliveryView>>('/api/v1/deliveries', { batchId, limit: 200 }, signal).then((page) => page.items)
        : Promise.resolve(undefined),
    [batchId],
    (change) => concerns(change) || change.kind.startsWith('notification'),
  );
  const instructorId = batch.data?.instructorId;
  const instructor = useData(
    (signal) =>
      instructorId && can(session, 'instructors.get') ? api.get<InstructorDetailView>(`/api/v1/instructors/${instructorId}`, {}, signal) : Promise.resolve(undefined),
    [instructorId],
    () => false,
  );
  if (batch.error) {
    const outOfReach = batch.error instanceof ApiError && batch.error.status === 403;
    return (
      <>
        <p>
          <a href="/classes">{t('back')}</a>
        </p>
        {outOfReach ? <p data-testid="class-out-of-reach">{t('outOfReach')}</p> : null}
        <ErrorNotice error={batch.error} />
      </>
    );
  }
  if (!batch.data) return <Loading />;
  const view = batch.data;
  const zone = zoneOf(view.provinceCode);
  const reload = () => {
    batch.reload();
    register.reload();
  };
  return (
    <>
      <p>
        <a href="/classes">{t('back')}</a>
      </p>
      <h1>
        {t('class')} {view.moduleCode} · {shortId(view.id)} <StatusBadge status={view.status} />
      </h1>
      <div class="actions">
        {can(session, 'batches.cancel') && !['cancelled', 'failed', 'closed', 'completed'].includes(view.status) ? (
          <ActionButton<BatchView>
            danger
            label={t('cancel')}
            title={t('cancel')}
            description={t('cancelText')}
            form={
              <Field label={t('detail')}>
                <textarea name="detail" required maxLength={500} />
              </Field>
            }
            run={(values) => api.post<BatchView>(`/api/v1/batches/${batchId}/cancel`, { detail: values.detail })}
            outcome={(result) => `${t('status')}: ${STATUS_LABELS[result.status][lang]}`}
            onDone={reload}
          />
        ) : null}
        {can(session, 'batches.reschedule') && ['planned', 'confirmed'].includes(view.status) ? (
          <ActionButton<BatchView>
            label={t('reschedule')}
            title={t('reschedule')}
            description={t('rescheduleText')}
            form={
              <>
                <Field label={t('startDate')}>
                  <input name="startDate" type="date" required />
                </Field>
                <Field label={t('detail')}>
                  <input name="reason" maxLength={500} />
                </Field>
              </>
            }
            run={(values) => api.post<BatchView>(`/api/v1/batches/${batchId}/reschedule`, { startDate: values.startDate, reason: values.reason || undefined })}
            outcome={(result) => `${formatDate(result.startDate)} – ${formatDate(result.endDate)} · ${STATUS_LABELS[result.status][lang]}`}
            onDone={reload}
          />
        ) : null}
        {can(session, 'batches.close') && view.status === 'completed' ? (
          <ActionButton<BatchView>
            label={t('close')}
            title={t('close')}
            description={t('closeText')}
            run={() => api.post<BatchView>(`/api/v1/batches/${batchId}/close`)}
            outcome={(result) => `${t('status')}: ${STATUS_LABELS[result.status][lang]}`}
            onDone={reload}
          />
        ) : null}
      </div>
      <dl class="facts">
        <dt>{t('province')}</dt>
        <dd>
          {provinceName(view.provinceCode)} ({zone})
        </dd>
        <dt>{t('venue')}</dt>
        <dd>{view.venueCode}</dd>
        <dt>{t('room')}</dt>
        <dd>{view.roomCode ?? '—'}</dd>
        <dt>{t('dates')}</dt>
        <dd>
          {formatDate(view.startDate)} – {formatDate(view.endDate)}
        </dd>
        <dt>{t('confirmBy')}</dt>
        <dd>{formatDate(view.confirmBy)}</dd>
        <dt>{t('instructor')}</dt>
        <dd data-testid="class-instructor">{instructor.data?.fullName ?? view.instructorId ?? '—'}</dd>
        <dt>{t('seats')}</dt>
        <dd>
          {formatNumber(view.seats)} / {formatNumber(view.reserves)}
        </dd>
        <dt>{t('fill')}</dt>
        <dd data-testid="class-fill">
          {formatNumber(view.fill?.selected ?? 0)} / {formatNumber(view.fill?.confirmed ?? 0)} / {formatNumber(view.fill?.reserved ?? 0)}
        </dd>
        <dt>{t('quorum')}</dt>
        <dd>{formatNumber(view.minimumQuorum)}</dd>
      </dl>
      <h2>{t('history')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('change')}</th>
              <th scope="col">{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((step) => (
              <tr key={step.id}>
                <td>{formatDateTime(step.at, zone)}</td>
                <td>
                  {step.fromStatus ? STATUS_LABELS[step.fromStatus][lang] : '—'} → {STATUS_LABELS[step.toStatus][lang]}
                  {step.applied ? '' : ' (—)'}
                </td>
                <td>{step.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {register.error ? <ErrorNotice error={register.error} /> : null}
      {register.data ? <Register register={register.data} canRecord={can(session, 'attendance.record')} onRecorded={register.reload} /> : null}
      {deliveries.error ? <ErrorNotice error={deliveries.error} /> : null}
      {deliveries.data ? (
        <section aria-labelledby="messages-heading" data-testid="class-messages">
          <h2 id="messages-heading">{t('messages')}</h2>
          {deliveries.data.length === 0 ? (
            <p class="muted">{t('noMessages')}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('at')}</th>
                    <th scope="col">{t('template')}</th>
                    <th scope="col">{t('recipient')}</th>
                    <th scope="col">{t('channel')}</th>
                    <th scope="col">{t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.data.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>{formatDateTime(delivery.createdAt, zone)}</td>
                      <td>{delivery.template}</td>
                      <td>{delivery.recipientKind}</td>
                      <td>{delivery.channel ?? '—'}</td>
                      <td data-delivery-status={delivery.status}>{t(delivery.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

function Register({ register, canRecord, onRecorded }: { register: ClassRegisterView; canRecord: boolean; onRecorded: () => void }) {
  const t = useT(messages);
  const [day, setDay] = useState(register.classDays[0] ?? '');
  const mark = (line: RegisterLine, classDay: string) => {
    const value = line.days[classDay];
    if (value === undefined) return <span class="muted" aria-label={t('notRecorded')}>·</span>;
    return value ? (
      <span class="attendance-present" aria-label={t('present')}>
        ✓
      </span>
    ) : (
      <span class="attendance-absent" aria-label={t('absent')}>
        ✗
      </span>
    );
  };
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">{t('roster')}</h2>
      {canRecord && register.participants.length > 0 ? (
        <div class="actions">
          <ActionButton<ClassRegisterView>
            label={t('record')}
            title={t('record')}
            description={t('recordText')}
            form={
              <>
                <Field label={t('day')}>
                  <select name="day" value={day} onChange={(event) => setDay((event.currentTarget as HTMLSelectElement).value)}>
                    {register.classDays.map((classDay) => (
                      <option value={classDay} key={classDay}>
                        {formatDate(classDay)}
                      </option>
                    ))}
                  </select>
                </Field>
                <fieldset>
                  <legend>{t('participant')}</legend>
                  {register.participants.map((line) => (
                    <label key={line.enrollmentId} class="checkbox">
                      <input type="checkbox" name={`present:${line.enrollmentId}`} value="yes" checked={line.days[day] ?? true} /> {line.fullName}
                    </label>
                  ))}
                </fieldset>
              </>
            }
            run={(values) =>
              request<ClassRegisterView>(`/api/v1/batches/${register.batchId}/attendance/${values.day}`, {
                method: 'PUT',
                body: { records: register.participants.map((line) => ({ enrollmentId: line.enrollmentId, present: values[`present:${line.enrollmentId}`] === 'yes' })) },
              })
            }
            outcome={(result) => `${t('done')}: ${formatDate(day)} · ${formatNumber(result.participants.filter((line) => line.days[day]).length)} ${t('present')}`}
            onDone={onRecorded}
          />
        </div>
      ) : null}
      {register.participants.length === 0 ? (
        <p class="muted">{t('noRoster')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="register">
            <thead>
              <tr>
                <th scope="col">{t('participant')}</th>
                <th scope="col">{t('status')}</th>
                {register.classDays.map((classDay) => (
                  <th scope="col" key={classDay}>
                    {formatDate(classDay)}
                  </th>
                ))}
                <th scope="col" class="number">
                  {t('attended')}
                </th>
              </tr>
            </thead>
            <tbody>
              {register.participants.map((line) => (
                <tr key={line.enrollmentId}>
                  <td>{line.fullName}</td>
                  <td>{line.status}</td>
                  {register.classDays.map((classDay) => (
                    <td key={classDay}>{mark(line, classDay)}</td>
                  ))}
                  <td class="number">{formatNumber(line.attendedDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
