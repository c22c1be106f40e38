import { Layout } from '../shared/layout';
import { useT } from '../shared/i18n';
import { signIn, signOut, useSession } from '../shared/session';

const messages = {
  title: { id: 'Dasbor', en: 'Dashboard' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  signedOut: { id: 'Masuk untuk melihat dasbor program.', en: 'Sign in to see the programme dashboard.' },
};

export function App() {
  const t = useT(messages);
  const state = useSession();
  const account =
    state.status === 'signed-in' ? (
      <button type="button" class="button button-quiet" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    ) : null;
  return (
    <Layout title={t('title')} account={account}>
      {state.status === 'loading' ? <p>{t('loading')}</p> : null}
      {state.status === 'failed' ? <p class="notice notice-error">{state.error.message}</p> : null}
      {state.status === 'signed-out' ? (
        <section>
          <p>{t('signedOut')}</p>
          <button type="button" class="button" onClick={() => signIn()}>
            {t('signIn')}
          </button>
        </section>
      ) : null}
      {state.status === 'signed-in' ? <h1>{t('title')}</h1> : null}
    </Layout>
  );
}
