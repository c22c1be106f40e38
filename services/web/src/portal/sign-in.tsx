import { useT } from '../shared/i18n';
import { signIn } from '../shared/session';
import { usePortalSession } from './portal-session';

const messages = {
  title: { id: 'Masuk', en: 'Sign in' },
  how: {
    id: 'Masukkan nomor ponsel atau e-mail yang Anda daftarkan. Kami mengirim kode sekali pakai ke sana; ketik kode itu untuk masuk. Jangan berikan kode kepada siapa pun.',
    en: 'Enter the phone number or e-mail you registered. We send a one-time code to it; type the code to sign in. Never give the code to anyone.',
  },
  go: { id: 'Lanjut masuk', en: 'Continue to sign in' },
  already: { id: 'Anda sudah masuk.', en: 'You are signed in.' },
  home: { id: 'Ke pendaftaran saya', en: 'To my enrollments' },
};

/** How signing in works, then the gateway's sign-in pages (the one-time code is asked for there). */
export function SignInPage() {
  const t = useT(messages);
  const session = usePortalSession();
  if (session.status === 'signed-in') {
    return (
      <section class="portal-narrow">
        <p class="notice notice-ok">{t('already')}</p>
        <a href="/portal/">{t('home')}</a>
      </section>
    );
  }
  return (
    <section class="portal-narrow">
      <h1>{t('title')}</h1>
      <p>{t('how')}</p>
      <button type="button" class="button" onClick={() => signIn('/portal/')}>
        {t('go')}
      </button>
    </section>
  );
}
