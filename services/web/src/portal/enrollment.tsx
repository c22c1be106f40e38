import { useCallback, useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { ClassChangeOfferView, EnrollmentDocumentView, EnrollmentView } from '@sinergi/contracts/http/enrollment';
import type { BatchView } from '@sinergi/contracts/http/program';
import { api, ApiError } from '../shared/api';
import { formatDate, useLang, useT } from '../shared/i18n';
import { explain, explainReason } from './explain';
import { usePortalSession } from './portal-session';
import { STATUS_TEXT } from './status';

const messages = {
  title: { id: 'Pendaftaran', en: 'Enrollment' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  signInFirst: { id: 'Masuk terlebih dahulu untuk melihat pendaftaran Anda.', en: 'Sign in first to see your enrollment.' },
  status: { id: 'Status', en: 'Status' },
  klass: { id: 'Kelas', en: 'Class' },
  dates: { id: 'Tanggal', en: 'Dates' },
  rank: { id: 'Urutan cadangan', en: 'Reserve position' },
  rankHelp: { id: 'Bila ada kursi yang kosong, peserta cadangan urutan teratas mendapatkannya dan kami mengabari Anda.', en: 'When a seat frees up, the first reserve gets it and we tell you.' },
  confirmBy: { id: 'Konfirmasi (daftar ulang) paling lambat', en: 'Confirm your seat by' },
  confirm: { id: 'Konfirmasi kursi saya', en: 'Confirm my seat' },
  confirmed: { id: 'Kursi Anda terkonfirmasi. Sampai jumpa di kelas!', en: 'Your seat is confirmed. See you in class!' },
  reasons: { id: 'Alasan', en: 'Reasons' },
  withdraw: { id: 'Mengundurkan diri', en: 'Withdraw' },
  withdrawReason: { id: 'Alasan mengundurkan diri *', en: 'Why you withdraw *' },
  withdrawSure: { id: 'Ya, saya mengundurkan diri', en: 'Yes, withdraw me' },
  withdrawWarn: { id: 'Kursi atau tempat cadangan Anda akan diberikan kepada peserta lain.', en: 'Your seat or reserve place will go to someone else.' },
  cancel: { id: 'Batal', en: 'Cancel' },
  offer: { id: 'Kelas Anda berubah', en: 'Your class changed' },
  offerCancelled: { id: 'Kelas Anda dibatalkan. Pilih kelas pengganti, atau lepaskan tempat Anda.', en: 'Your class was cancelled. Choose another class, or give up your place.' },
  offerRescheduled: { id: 'Jadwal kelas Anda berubah. Anda boleh pindah ke kelas lain, atau tetap di kelas ini.', en: 'Your class was rescheduled. You may move to another class, or stay.' },
  respondBy: { id: 'Jawab paling lambat', en: 'Answer by' },
  move: { id: 'Pindah ke kelas ini', en: 'Move to this class' },
  decline: { id: 'Tidak pindah, lepaskan tempat saya', en: 'Do not move, give up my place' },
  documents: { id: 'Sertifikat dan surat keterangan', en: 'Certificate and letter' },
  certificate: { id: 'Unduh sertifikat (PDF)', en: 'Download the certificate (PDF)' },
  letter: { id: 'Unduh surat keterangan mengikuti pelatihan (PDF)', en: 'Download the letter of participation (PDF)' },
  attended: { id: 'Hadir', en: 'Attended' },
  of: { id: 'dari', en: 'of' },
  days: { id: 'hari', en: 'days' },
  verifyLink: { id: 'Halaman pemeriksaan sertifikat', en: 'Certificate check page' },
  back: { id: 'Kembali ke pendaftaran saya', en: 'Back to my enrollments' },
};

/** One enrollment: status and reserve rank, confirming, withdrawing, a class-change offer and the documents. */
export function EnrollmentPage() {
  const t = useT(messages);
  const lang = useLang();
  const session = usePortalSession();
  const { params } = useRoute();
  const id = params.id;
  const [enrollment, setEnrollment] = useState<EnrollmentView | null>(null);
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [offer, setOffer] = useState<ClassChangeOfferView | null>(null);
  const [document, setDocument] = useState<EnrollmentDocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const current = await api.get<EnrollmentView>(`/api/v1/me/enrollments/${id}`);
      setEnrollment(current);
      setBatch(current.batchId ? await api.get<BatchView>(`/api/v1/batches/${current.batchId}`).catch(() => null) : null);
      setOffer(await api.get<ClassChangeOfferView>(`/api/v1/me/enrollments/${id}/offer`).catch(() => null));
      setDocument(await api.get<EnrollmentDocumentView>(`/api/v1/me/enrollments/${id}/certificate`).catch(() => null));
    } catch (failed) {
      setError((failed as ApiError).message);
    }
  }, [id]);

  useEffect(() => {
    if (session.status === 'signed-in') void load();
  }, [session.status, load]);

  /** Runs an action and shows what came of it: the enrollment again, or the broken rule in plain words. */
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await load();
    } catch (failed) {
      const problem = failed as ApiError;
      setError(problem.errors.length ? problem.errors.map((broken) => explain(broken, lang)).join(' ') : problem.message);
    } finally {
      setBusy(false);
    }
  };

  if (session.status === 'signed-out') return <p class="notice">{t('signInFirst')}</p>;
  if (!enrollment) return <p>{error ?? t('loading')}</p>;

  return (
    <section class="portal-narrow">
      <h1>{t('title')}</h1>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd class="status" data-status={enrollment.status}>
          {STATUS_TEXT[enrollment.status][lang]}
        </dd>
        {batch ? (
          <>
            <dt>{t('klass')}</dt>
            <dd>{batch.venueCode}</dd>
            <dt>{t('dates')}</dt>
            <dd>
              {formatDate(batch.startDate)} – {formatDate(batch.endDate)}
            </dd>
          </>
        ) : null}
        {enrollment.status === 'reserved' && enrollment.reserveRank !== null ? (
          <>
            <dt>{t('rank')}</dt>
            <dd data-testid="reserve-rank">{enrollment.reserveRank}</dd>
          </>
        ) : null}
        {enrollment.status === 'selected' && enrollment.confirmBy ? (
          <>
            <dt>{t('confirmBy')}</dt>
            <dd>{formatDate(enrollment.confirmBy)}</dd>
          </>
        ) : null}
      </dl>
      {enrollment.status === 'reserved' ? <p class="muted">{t('rankHelp')}</p> : null}
      {enrollment.reasons.length ? (
        <div class="notice notice-error">
          {t('reasons')}:
          <ul>
            {enrollment.reasons.map((reason) => (
              <li key={reason.field}>{explainReason(reason, lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {enrollment.status === 'confirmed' ? <p class="notice notice-ok">{t('confirmed')}</p> : null}
      {enrollment.status === 'selected' ? (
        <button type="button" class="button button-wide" disabled={busy} onClick={() => act(() => api.post(`/api/v1/me/enrollments/${id}/confirm`))}>
          {t('confirm')}
        </button>
      ) : null}
      {offer ? <Offer offer={offer} busy={busy} onAnswer={(body) => act(() => api.post(`/api/v1/me/enrollments/${id}/offer`, body))} /> : null}
      {document ? <Documents enrollmentId={enrollment.id} document={document} /> : null}
      {canWithdraw(enrollment, batch, document) ? (
        <Withdraw busy={busy} onWithdraw={(reason) => act(() => api.post(`/api/v1/me/enrollments/${id}/withdraw`, { reason }))} />
      ) : null}
      <p>
        <a href="/portal/">{t('back')}</a>
      </p>
    </section>
  );
}

/** Withdrawing is for a place still ahead: not once the class has started or a document was issued. */
function canWithdraw(enrollment: EnrollmentView, batch: BatchView | null, document: EnrollmentDocumentView | null): boolean {
  const ahead = !document && !['running', 'completed', 'closed'].includes(batch?.status ?? '');
  return ahead && ['pending-identity', 'registered', 'selected', 'reserved', 'confirmed'].includes(enrollment.status);
}

function Offer(props: { offer: ClassChangeOfferView; busy: boolean; onAnswer: (body: { answer: 'accept'; batchId: string } | { answer: 'decline' }) => void }) {
  const t = useT(messages);
  const { offer } = props;
  return (
    <section class="card" aria-labelledby="offer-title">
      <h2 id="offer-title">{t('offer')}</h2>
      <p>{offer.reason === 'cancelled' ? t('offerCancelled') : t('offerRescheduled')}</p>
      <p>
        {t('respondBy')}: <strong>{formatDate(offer.respondBy)}</strong>
      </p>
      <ul class="card-list">
        {offer.options.map((option) => (
          <li key={option.batchId} class="option">
            <span>
              {option.venueCode}, {formatDate(option.startDate)} – {formatDate(option.endDate)}
            </span>
            <button type="button" class="button" disabled={props.busy} onClick={() => props.onAnswer({ answer: 'accept', batchId: option.batchId })}>
              {t('move')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="button button-quiet" disabled={props.busy} onClick={() => props.onAnswer({ answer: 'decline' })}>
        {t('decline')}
      </button>
    </section>
  );
}

function Documents(props: { enrollmentId: string; document: EnrollmentDocumentView }) {
  const t = useT(messages);
  const { document } = props;
  const file = document.kind === 'certificate' ? 'certificate.pdf' : 'letter.pdf';
  return (
    <section class="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents')}</h2>
      <p>
        {document.number} · {t('attended')} {document.attendedDays} {t('of')} {document.classDays} {t('days')}
      </p>
      <a class="button" href={`/api/v1/me/enrollments/${props.enrollmentId}/${file}`} download>
        {document.kind === 'certificate' ? t('certificate') : t('letter')}
      </a>
      {document.verificationCode ? (
        <p>
          <a href={`/portal/verify/${document.verificationCode}`}>{t('verifyLink')}</a>
        </p>
      ) : null}
    </section>
  );
}

function Withdraw(props: { busy: boolean; onWithdraw: (reason: string) => void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" class="button button-quiet" onClick={() => setOpen(true)}>
        {t('withdraw')}
      </button>
    );
  }
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        props.onWithdraw(reason.trim());
      }}
    >
      <p>{t('withdrawWarn')}</p>
      <label for="withdraw-reason">{t('withdrawReason')}</label>
      <textarea id="withdraw-reason" required maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      <div class="portal-actions">
        <button type="submit" class="button button-danger" disabled={props.busy || !reason.trim()}>
          {t('withdrawSure')}
        </button>
        <button type="button" class="button button-quiet" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
