import { useEffect, useState } from 'preact/hooks';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const STORAGE_KEY = 'sinergi.lang';
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** A text in both languages; every page keeps its own. */
export type Text = Record<Lang, string>;
export type Messages = Record<string, Text>;

const listeners = new Set<(lang: Lang) => void>();

function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let lang: Lang = storedLang();

/** Bahasa Indonesia unless the user chose English (kept in localStorage). */
export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** The current language; the component renders again when it changes. */
export function useLang(): Lang {
  const [value, setValue] = useState(lang);
  useEffect(() => {
    listeners.add(setValue);
    return () => listeners.delete(setValue);
  }, []);
  return value;
}

/** `t('key')` in the current language, for a page's own messages. */
export function useT<M extends Messages>(messages: M): (key: keyof M) => string {
  const current = useLang();
  return (key) => messages[key][current];
}

export function locale(of: Lang = lang): string {
  return LOCALES[of];
}

/** `5.000` in Bahasa Indonesia, `5,000` in English. */
export function formatNumber(value: number, of: Lang = lang): string {
  return new Intl.NumberFormat(locale(of)).format(value);
}

export function formatPercent(ratio: number, of: Lang = lang): string {
  return new Intl.NumberFormat(locale(of), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A civil date (`2027-05-01`) as `1 Mei 2027` / `1 May 2027`, read as the calendar day it names, in no time zone. */
export function formatDate(civilDate: string, of: Lang = lang): string {
  const date = new Date(`${civilDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return civilDate;
  return new Intl.DateTimeFormat(locale(of), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export type ZoneName = 'WIB' | 'WITA' | 'WIT';
export const ZONES: Record<ZoneName, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** An instant in the given Indonesian zone, e.g. `1 Mei 2027 08.00 WITA`. */
export function formatDateTime(instant: string | Date, zone: ZoneName = 'WIB', of: Lang = lang): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const text = new Intl.DateTimeFormat(locale(of), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONES[zone],
  }).format(date);
  return `${text} ${zone}`;
}
