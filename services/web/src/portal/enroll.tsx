import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { EnrollmentView, ParticipantView } from '@sinergi/contracts/http/enrollment';
import type { Page } from '@sinergi/contracts/http/page';
import type { BatchListItemView, ProgrammeView } from '@sinergi/contracts/http/program';
import { provinceByCode } from '@sinergi/contracts/reference/provinces';
import { api, ApiError, newIdempotencyKey } from '../shared/api';
import { formatDate, formatNumber, useLang, useT } from '../shared/i18n';
import { explain } from './explain';
import { usePortalSession } from './portal-session';

const messages = {
  title: { id: 'Daftar ke program', en: 'Enroll in a programme' },
  signInFirst: { id: 'Masuk terlebih dahulu untuk mendaftar ke program.', en: 'Sign in first to enroll in a programme.' },
  programme: { id: 'Program', en: 'Programme' },
  period: { id: 'Periode', en: 'Period' },
  klass: { id: 'Kelas', en: 'Class' },
  anyClass: { id: 'Kelas mana saja di provinsi saya (yang kursinya paling banyak tersisa)', en: 'Any class in my province (the one with the most free seats)' },
  seatsLeft: { id: 'kursi tersisa', en: 'seats left' },
  noClass: { id: 'Belum ada kelas terkonfirmasi di provinsi Anda untuk program ini.', en: 'No confirmed class in your province for this programme yet.' },
  submit: { id: 'Daftar', en: 'Enroll' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  none: { id: 'Belum ada program yang dibuka.', en: 'No programme is open yet.' },
  inProvince: { id: 'Kelas di provinsi Anda', en: 'Classes in your province' },
};

/** Choose a programme, and a named class in one's province or none (any class), then enroll. */
export function EnrollPage() {
  const t = useT(messages);
  const lang = useLang();
  const session = usePortalSession();
  const { route } = useLocation();
  const [me, setMe] = useState<ParticipantView | null>(null);
  const [programmes, setProgrammes] = useState<ProgrammeView[] | null>(null);
  const [programmeId, setProgrammeId] = useState('');
  const [classes, setClasses] = useState<BatchListItemView[] | null>(null);
  const [batchId, setBatchId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), [programmeId, batchId]);

  useEffect(() => {
    if (session.status !== 'signed-in') return;
    api.get<ParticipantView>('/api/v1/me').then(setMe, (failed: ApiError) => setError(failed.message));
    api.get<Page<ProgrammeView>>('/api/v1/programmes', { limit: 200 }).then(
      (page) => setProgrammes(page.items),
      (failed: ApiError) => setError(failed.message),
    );
  }, [session.status]);

  useEffect(() => {
    setClasses(null);
    setBatchId('');
    if (!programmeId || !me) return;
    api.get<Page<BatchListItemView>>(`/api/v1/programmes/${programmeId}/batches`, { limit: 200 }).then(
      (page) => setClasses(page.items.filter((batch) => batch.provinceCode === me.provinceCode && batch.status === 'confirmed')),
      (failed: ApiError) => setError(failed.message),
    );
  }, [programmeId, me]);

  if (session.status === 'signed-out') return <p class="notice">{t('signInFirst')}</p>;
  if (!programmes || !me) return <p>{error ?? t('loading')}</p>;

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const enrollment = await api.post<EnrollmentView>('/api/v1/me/enrollments', { programmeId, ...(batchId ? { batchId } : {}) }, key);
      route(`/portal/enrollments/${enrollment.id}`);
    } catch (failed) {
      const problem = failed as ApiError;
      setError(problem.errors.length ? problem.errors.map((broken) => explain(broken, lang)).join(' ') : problem.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="portal-narrow">
      <h1>{t('title')}</h1>
      {programmes.length === 0 ? <p>{t('none')}</p> : null}
      <form onSubmit={submit}>
        <fieldset class="choices">
          <legend>{t('programme')}</legend>
          {programmes.map((programme) => (
            <label key={programme.id} class="choice">
              <input type="radio" name="programmeId" value={programme.id} checked={programmeId === programme.id} onChange={() => setProgrammeId(programme.id)} />
              <span>
                <strong>{programme.name}</strong>
                <br />
                <span class="muted">
                  {t('period')}: {formatDate(programme.periodStart)} – {formatDate(programme.periodEnd)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {programmeId ? (
          <fieldset class="choices">
            <legend>
              {t('inProvince')} ({provinceByCode(me.provinceCode)?.name ?? me.provinceCode})
            </legend>
            {classes === null ? <p>{t('loading')}</p> : null}
            {classes?.length === 0 ? <p class="notice">{t('noClass')}</p> : null}
            <label class="choice">
              <input type="radio" name="batchId" value="" checked={batchId === ''} onChange={() => setBatchId('')} />
              <span>{t('anyClass')}</span>
            </label>
            {classes?.map((batch) => (
              <label key={batch.id} class="choice">
                <input type="radio" name="batchId" value={batch.id} checked={batchId === batch.id} onChange={() => setBatchId(batch.id)} />
                <span>
                  <strong>
                    {t('klass')} {batch.venueCode}
                  </strong>
                  <br />
                  {formatDate(batch.startDate)} – {formatDate(batch.endDate)}
                  {batch.fill ? (
                    <span class="muted">
                      {' '}
                      · {formatNumber(Math.max(0, batch.seats - batch.fill.selected))} {t('seatsLeft')}
                    </span>
                  ) : null}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {error ? (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="button button-wide" disabled={!programmeId || sending}>
          {sending ? t('sending') : t('submit')}
        </button>
      </form>
    </section>
  );
}
