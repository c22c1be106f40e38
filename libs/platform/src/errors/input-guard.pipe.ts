import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { controlCharacterPath, NO_CONTROL_CHARACTERS } from '@sinergi/contracts';
import { InvalidInput } from './domain-errors';

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
    const path = controlCharacterPath(value, metadata.data ? [metadata.data] : []);
    if (path !== undefined) {
      throw new InvalidInput({ field: path.join('.') || metadata.type, rule: NO_CONTROL_CHARACTERS, message: 'must not contain NUL or other control characters' });
    }
    return value;
  }
}
