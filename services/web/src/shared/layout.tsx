import type { ComponentChildren } from 'preact';
import { LANGS, setLang, useLang, useT } from './i18n';
import './styles.css';

const messages = {
  skip: { id: 'Langsung ke isi', en: 'Skip to content' },
  language: { id: 'Bahasa', en: 'Language' },
  switchTo: { id: 'Ganti bahasa ke', en: 'Switch language to' },
};

const LANG_NAMES = { id: 'Bahasa Indonesia', en: 'English' } as const;

/** The frame both pages share: a header with the product's name, the page's navigation and the language switch. */
export function Layout(props: { title: string; nav?: ComponentChildren; account?: ComponentChildren; children: ComponentChildren }) {
  const t = useT(messages);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      <header class="site-header">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">
            S
          </span>
          <span>
            Sinergi <span class="brand-title">· {props.title}</span>
          </span>
        </div>
        {props.nav ? <nav class="site-nav">{props.nav}</nav> : null}
        <div class="header-actions">
          <LanguageSwitch />
          {props.account}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}

export function LanguageSwitch() {
  const lang = useLang();
  const t = useT(messages);
  const other = LANGS.find((candidate) => candidate !== lang) ?? 'id';
  return (
    <button type="button" class="button button-quiet" lang={other} onClick={() => setLang(other)} aria-label={`${t('switchTo')} ${LANG_NAMES[other]}`}>
      {other === 'en' ? 'English' : 'Bahasa Indonesia'}
    </button>
  );
}
