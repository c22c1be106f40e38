import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { CertificateVerificationView } from '@sinergi/contracts/http/enrollment';
import { api, ApiError } from '../shared/api';
import { formatDate, formatDateTime, useT } from '../shared/i18n';

const messages = {
  title: { id: 'Cek keaslian sertifikat', en: 'Check a certificate' },
  intro: { id: 'Ketik kode verifikasi (10 karakter) yang tertulis di sertifikat, atau pindai kode QR-nya.', en: 'Type the verification code (10 characters) printed on the certificate, or scan its QR code.' },
  code: { id: 'Kode verifikasi', en: 'Verification code' },
  check: { id: 'Periksa', en: 'Check' },
  checking: { id: 'Memeriksa…', en: 'Checking…' },
  valid: { id: 'Sertifikat ini asli', en: 'This certificate is genuine' },
  validLetter: { id: 'Surat keterangan ini asli', en: 'This letter of participation is genuine' },
  invalid: { id: 'Tidak ada sertifikat dengan kode ini. Periksa lagi kode di sertifikat.', en: 'No certificate has this code. Check the code on the certificate.' },
  number: { id: 'Nomor', en: 'Number' },
  holder: { id: 'Nama pemilik', en: 'Holder' },
  programme: { id: 'Program', en: 'Programme' },
  klass: { id: 'Tanggal kelas', en: 'Class dates' },
  issued: { id: 'Diterbitkan', en: 'Issued' },
};

/** Public: anyone holding a certificate checks it by its code; no sign-in. */
export function VerifyPage() {
  const t = useT(messages);
  const { params } = useRoute();
  const { route } = useLocation();
  const [typed, setTyped] = useState(params.code ?? '');
  const [result, setResult] = useState<CertificateVerificationView | 'invalid' | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!params.code) return;
    setTyped(params.code);
    setChecking(true);
    api
      .get<CertificateVerificationView>(`/api/v1/certificates/verify/${encodeURIComponent(params.code)}`)
      .then(setResult, (failed: ApiError) => (failed.status === 404 ? setResult('invalid') : setError(failed.message)))
      .finally(() => setChecking(false));
  }, [params.code]);

  return (
    <section class="portal-narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim()) route(`/portal/verify/${encodeURIComponent(typed.trim())}`);
        }}
      >
        <label for="code">{t('code')}</label>
        <div class="inline-form">
          <input id="code" name="code" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} autocomplete="off" maxLength={20} />
          <button type="submit" class="button">
            {t('check')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {checking ? <p>{t('checking')}</p> : null}
        {error ? <p class="notice notice-error">{error}</p> : null}
        {result === 'invalid' ? <p class="notice notice-error">{t('invalid')}</p> : null}
        {result && result !== 'invalid' ? (
          <div class="notice notice-ok" data-testid="verified">
            <h2>{result.kind === 'letter' ? t('validLetter') : t('valid')}</h2>
            <dl class="facts">
              <dt>{t('number')}</dt>
              <dd>{result.certificateNumber}</dd>
              <dt>{t('holder')}</dt>
              <dd>{result.holderName}</dd>
              <dt>{t('programme')}</dt>
              <dd>{result.programme}</dd>
              <dt>{t('klass')}</dt>
              <dd>
                {formatDate(result.classStartDate)} – {formatDate(result.classEndDate)}
              </dd>
              <dt>{t('issued')}</dt>
              <dd>{formatDateTime(result.issuedAt)}</dd>
            </dl>
          </div>
        ) : null}
      </div>
    </section>
  );
}
