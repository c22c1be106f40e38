import type { Language } from '@sinergi/contracts';

/** The language a recipient is written to in: their preference, else their contact card's, else Bahasa Indonesia. */
export function recipientLanguage(preferred: Language | null, ofCard: Language | null): Language {
  return preferred ?? ofCard ?? 'id';
}
