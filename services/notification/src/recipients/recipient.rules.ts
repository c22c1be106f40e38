import type { Language, RecipientKind } from '@sinergi/contracts';

/** The language a recipient is written to in: their preference, else their contact card's, else Bahasa Indonesia. */
export function recipientLanguage(preferred: Language | null, ofCard: Language | null): Language {
  return preferred ?? ofCard ?? 'id';
}

/** `<kind>:<id>`: how a recipient is named in a delivery row and looked up among many. */
export function recipientKey(kind: RecipientKind, id: string): string {
  return `${kind}:${id}`;
}
