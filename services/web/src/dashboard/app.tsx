import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { can } from '../shared/access';
import { useT } from '../shared/i18n';
import { Layout } from '../shared/layout';
import { signIn, signOut, useSession, type Session } from '../shared/session';
import { ErrorNotice, Loading } from '../shared/ui';
import { ClassDetail } from './pages/class-detail';
import { ClassesPage } from './pages/classes';
import { InstructorsPage } from './pages/instructors';
import { OperationsPage } from './pages/operations';
import { Overview } from './pages/overview';
import { ProvinceView } from './pages/province';
import { VenuesPage } from './pages/venues';
import { ProgrammeProvider } from './programme';

const messages = {
  title: { id: 'Dasbor', en: 'Dashboard' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  signedOut: { id: 'Masuk untuk melihat dasbor program.', en: 'Sign in to see the programme dashboard.' },
  overview: { id: 'Ringkasan', en: 'Overview' },
  classes: { id: 'Kelas', en: 'Classes' },
  venues: { id: 'Tempat', en: 'Venues' },
  instructors: { id: 'Instruktur', en: 'Instructors' },
  operations: { id: 'Operasional', en: 'Operations' },
  notFound: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  roles: { id: 'Peran', en: 'Roles' },
};

const SessionContext = createContext<Session | null>(null);
const useSignedIn = () => useContext(SessionContext) as Session;
const OverviewRoute = () => <Overview session={useSignedIn()} />;
const ClassDetailRoute = () => <ClassDetail session={useSignedIn()} />;
const VenuesRoute = () => <VenuesPage session={useSignedIn()} />;
const HomeRoute = () => (can(useSignedIn(), 'dashboard.programme-overview') ? <OverviewRoute /> : <ClassesPage />);

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  const current = href === '/' ? path === '/' || path.startsWith('/provinces') : path.startsWith(href);
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function Navigation({ session }: { session: Session }) {
  const t = useT(messages);
  return (
    <>
      {can(session, 'dashboard.programme-overview') ? <NavLink href="/">{t('overview')}</NavLink> : null}
      {can(session, 'dashboard.classes') ? <NavLink href="/classes">{t('classes')}</NavLink> : null}
      {can(session, 'dashboard.venue-utilisation') ? <NavLink href="/venues">{t('venues')}</NavLink> : null}
      {can(session, 'dashboard.instructor-load') ? <NavLink href="/instructors">{t('instructors')}</NavLink> : null}
      {can(session, 'dashboard.dead-letters') ? <NavLink href="/operations">{t('operations')}</NavLink> : null}
    </>
  );
}

function NotFound() {
  const t = useT(messages);
  return <p>{t('notFound')}</p>;
}

function SignedIn({ session }: { session: Session }) {
  const t = useT(messages);
  return (
    <Layout
      title={t('title')}
      nav={<Navigation session={session} />}
      account={
        <>
          <span class="account" data-testid="account">
            {session.displayName ? <strong class="account-name">{session.displayName}</strong> : null}
            {session.displayName ? ' · ' : ''}
            <span class="visually-hidden">{t('roles')}: </span>
            {session.roles.join(', ')}
            {session.venueCodes.length ? ` · ${session.venueCodes.join(', ')}` : ''}
          </span>
          <button type="button" class="button button-quiet" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </>
      }
    >
      <SessionContext.Provider value={session}>
        <ProgrammeProvider>
          <Router>
            <Route path="/" component={HomeRoute} />
            <Route path="/provinces/:code" component={ProvinceView} />
            <Route path="/classes" component={ClassesPage} />
            <Route path="/classes/:id" component={ClassDetailRoute} />
            <Route path="/venues" component={VenuesRoute} />
            <Route path="/instructors" component={InstructorsPage} />
            <Route path="/operations" component={OperationsPage} />
            <Route default component={NotFound} />
          </Router>
        </ProgrammeProvider>
      </SessionContext.Provider>
    </Layout>
  );
}

export function App() {
  const t = useT(messages);
  const state = useSession();
  if (state.status === 'signed-in') {
    return (
      <LocationProvider>
        <SignedIn session={state.session} />
      </LocationProvider>
    );
  }
  return (
    <Layout title={t('title')}>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'signed-out' ? (
        <section>
          <h1>{t('title')}</h1>
          <p>{t('signedOut')}</p>
          <button type="button" class="button" onClick={() => signIn()}>
            {t('signIn')}
          </button>
        </section>
      ) : null}
    </Layout>
  );
}
