import { useEffect, useState } from 'preact/hooks';
import type { EnrollmentView } from '@sinergi/contracts/http/enrollment';
import type { Page } from '@sinergi/contracts/http/page';
import type { ProgrammeView } from '@sinergi/contracts/http/program';
import { api, ApiError } from '../shared/api';
import { formatDate, useLang, useT } from '../shared/i18n';
import { signIn } from '../shared/session';
import { usePortalSession } from './portal-session';
import { STATUS_TEXT } from './status';

const messages = {
  welcome: { id: 'Pelatihan kewirausahaan untuk pelaku usaha mikro dan kecil', en: 'Entrepreneurship training for micro and small business owners' },
  intro: {
    id: 'Daftar dengan NIK Anda, pilih program atau kelas di provinsi Anda, lalu pantau status, konfirmasi kursi, dan unduh sertifikat di sini.',
    en: 'Register with your NIK, choose a programme or a class in your province, then follow your status, confirm your seat and download your certificate here.',
  },
  register: { id: 'Daftar sebagai peserta', en: 'Register as a participant' },
  signIn: { id: 'Masuk dengan kode sekali pakai', en: 'Sign in with a one-time code' },
  mine: { id: 'Pendaftaran saya', en: 'My enrollments' },
  none: { id: 'Anda belum mendaftar ke program apa pun.', en: 'You have not enrolled in any programme yet.' },
  enroll: { id: 'Daftar ke program', en: 'Enroll in a programme' },
  submitted: { id: 'Didaftarkan', en: 'Submitted' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  open: { id: 'Lihat rincian', en: 'See details' },
};

/** Signed out: what the portal is for. Signed in: the participant's enrollments. */
export function HomePage() {
  const t = useT(messages);
  const session = usePortalSession();
  if (session.status === 'loading') return <p>{t('loading')}</p>;
  if (session.status === 'signed-out') {
    return (
      <section class="portal-narrow">
        <h1>{t('welcome')}</h1>
        <p>{t('intro')}</p>
        <div class="portal-actions">
          <a class="button" href="/portal/register">
            {t('register')}
          </a>
          <button type="button" class="button button-quiet" onClick={() => signIn('/portal/')}>
            {t('signIn')}
          </button>
        </div>
      </section>
    );
  }
  return <MyEnrollments />;
}

function MyEnrollments() {
  const t = useT(messages);
  const lang = useLang();
  const [enrollments, setEnrollments] = useState<EnrollmentView[] | null>(null);
  const [programmes, setProgrammes] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<Page<EnrollmentView>>('/api/v1/me/enrollments', { limit: 200 }).then(
      (page) => setEnrollments(page.items),
      (failed: ApiError) => setError(failed.message),
    );
    api.get<Page<ProgrammeView>>('/api/v1/programmes', { limit: 200 }).then(
      (page) => setProgrammes(new Map(page.items.map((programme) => [programme.id, programme.name]))),
      () => undefined,
    );
  }, []);
  return (
    <section class="portal-narrow">
      <h1>{t('mine')}</h1>
      {error ? <p class="notice notice-error">{error}</p> : null}
      {enrollments === null && !error ? <p>{t('loading')}</p> : null}
      {enrollments?.length === 0 ? <p>{t('none')}</p> : null}
      <ul class="card-list">
        {enrollments?.map((enrollment) => (
          <li key={enrollment.id} class="card">
            <h2>{programmes.get(enrollment.programmeId) ?? enrollment.programmeId}</h2>
            <p class="status" data-status={enrollment.status}>
              {STATUS_TEXT[enrollment.status][lang]}
            </p>
            <p class="muted">
              {t('submitted')}: {formatDate(enrollment.submittedAt)}
            </p>
            <a href={`/portal/enrollments/${enrollment.id}`}>{t('open')}</a>
          </li>
        ))}
      </ul>
      <a class="button" href="/portal/enroll">
        {t('enroll')}
      </a>
    </section>
  );
}
