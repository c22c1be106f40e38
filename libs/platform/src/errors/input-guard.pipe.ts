import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInput } from './domain-errors';

/** Deeper than any request of ours; far shallower than what overflows the stack in validation. */
export const MAX_INPUT_DEPTH = 32;

/** C0 controls and DEL, except tab, line feed and carriage return; PostgreSQL cannot store NUL in text at all. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const GUARDED: ReadonlyArray<ArgumentMetadata['type']> = ['body', 'query', 'param'];

/**
 * Runs before validation on every body, query and path parameter: refuses input nested deeper than
 * MAX_INPUT_DEPTH (field `body`, rule `max-depth`) and any string or key holding a control character (its field
 * path, rule `no-control-characters`). The walk is iterative, so no input can overflow the stack here.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!GUARDED.includes(metadata.type)) return value;
    const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: metadata.data ?? '', depth: 0 }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      if (typeof next.value === 'string') {
        if (CONTROL_CHARACTER.test(next.value)) throw controlCharacterIn(next.path || metadata.type);
      } else if (typeof next.value === 'object' && next.value !== null) {
        if (next.depth >= MAX_INPUT_DEPTH) {
          throw new InvalidInput({ field: metadata.type, rule: 'max-depth', message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels` });
        }
        for (const [key, child] of Object.entries(next.value)) {
          const path = next.path ? `${next.path}.${key}` : key;
          if (CONTROL_CHARACTER.test(key)) throw controlCharacterIn(path);
          pending.push({ value: child, path, depth: next.depth + 1 });
        }
      }
    }
    return value;
  }
}

function controlCharacterIn(field: string): InvalidInput {
  return new InvalidInput({ field, rule: 'no-control-characters', message: 'must not contain NUL or other control characters' });
}
