import { render } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { Layout } from '../shared/layout';
import { useT } from '../shared/i18n';
import { signIn, signOut, useSession } from '../shared/session';
import { EnrollPage } from './enroll';
import { EnrollmentPage } from './enrollment';
import { HomePage } from './home';
import { PortalSession, SessionContext } from './portal-session';
import { RegisterPage } from './register';
import { SignInPage } from './sign-in';
import { VerifyPage } from './verify';
import './portal.css';

const messages = {
  title: { id: 'Portal Peserta', en: 'Participant portal' },
  home: { id: 'Beranda', en: 'Home' },
  register: { id: 'Daftar', en: 'Register' },
  verify: { id: 'Cek sertifikat', en: 'Check a certificate' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  notFound: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
};

function NotFound() {
  const t = useT(messages);
  return <p class="notice notice-error">{t('notFound')}</p>;
}

/** The participant portal: mobile first, Bahasa Indonesia by default; every page under /portal/. */
function Portal() {
  const t = useT(messages);
  const state = useSession();
  const session: PortalSession = state.status === 'signed-in' ? { status: 'signed-in', participantId: state.session.participantId } : { status: state.status === 'loading' ? 'loading' : 'signed-out' };
  const nav = (
    <>
      <a href="/portal/">{t('home')}</a>
      {session.status === 'signed-out' ? <a href="/portal/register">{t('register')}</a> : null}
      <a href="/portal/verify">{t('verify')}</a>
    </>
  );
  const account =
    session.status === 'signed-in' ? (
      <button type="button" class="button button-quiet" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    ) : session.status === 'signed-out' ? (
      <button type="button" class="button button-quiet" onClick={() => signIn('/portal/')}>
        {t('signIn')}
      </button>
    ) : null;
  return (
    <SessionContext.Provider value={session}>
      <Layout title={t('title')} nav={nav} account={account}>
        <Router>
          <Route path="/portal/" component={HomePage} />
          <Route path="/portal/register" component={RegisterPage} />
          <Route path="/portal/sign-in" component={SignInPage} />
          <Route path="/portal/enroll" component={EnrollPage} />
          <Route path="/portal/enrollments/:id" component={EnrollmentPage} />
          <Route path="/portal/verify" component={VerifyPage} />
          <Route path="/portal/verify/:code" component={VerifyPage} />
          <Route default component={NotFound} />
        </Router>
      </Layout>
    </SessionContext.Provider>
  );
}

render(
  <LocationProvider>
    <Portal />
  </LocationProvider>,
  document.getElementById('app') as HTMLElement,
);
