/** C0 controls and DEL, except tab, line feed and carriage return; PostgreSQL cannot store NUL in text at all. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The rule an input breaks with a control character, in HTTP problems and inbound record rejections alike. */
export const NO_CONTROL_CHARACTERS = 'no-control-characters';

/**
 * The path (keys and indexes) to the first string or key holding a control character, `[]` for the value itself,
 * or undefined when there is none.
 */
export function controlCharacterPath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(key)) return [...path, key];
    const found = controlCharacterPath(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
