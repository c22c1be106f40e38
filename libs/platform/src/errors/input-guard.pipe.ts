import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInput } from './domain-errors';

/** C0 controls and DEL, except tab, line feed and carriage return; PostgreSQL cannot store NUL in text at all. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const GUARDED: ReadonlyArray<ArgumentMetadata['type']> = ['body', 'query', 'param'];

/**
 * Runs before validation on every body, query and path parameter: refuses any string or key holding a control
 * character, naming its field path (`parties.0.name`) and the rule `no-control-characters`. Bodies reach it no
 * deeper than MAX_BODY_DEPTH, so the walk stays shallow.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!GUARDED.includes(metadata.type)) return value;
    const field = controlCharacterPath(value, metadata.data ?? '');
    if (field !== undefined) {
      throw new InvalidInput({ field: field || metadata.type, rule: 'no-control-characters', message: 'must not contain NUL or other control characters' });
    }
    return value;
  }
}

function controlCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (CONTROL_CHARACTER.test(key)) return childPath;
    const found = controlCharacterPath(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
