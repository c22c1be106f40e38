import { ArgumentMetadata } from '@nestjs/common';
import { InvalidInput } from './domain-errors';
import { InputGuardPipe, MAX_INPUT_DEPTH } from './input-guard.pipe';

const body: ArgumentMetadata = { type: 'body' };

function refusalOf(value: unknown, metadata: ArgumentMetadata = body): InvalidInput | undefined {
  try {
    new InputGuardPipe().transform(value, metadata);
    return undefined;
  } catch (error) {
    return error as InvalidInput;
  }
}

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('InputGuardPipe', () => {
  it('passes ordinary input unchanged, tabs and new lines included', () => {
    const input = { title: 'MoU\n\tpasal 1', parties: [{ code: 'KEMNAKER' }] };
    expect(new InputGuardPipe().transform(input, body)).toBe(input);
  });

  it('refuses a body nested deeper than the limit, however deep, without recursion', () => {
    expect(refusalOf(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    for (const levels of [MAX_INPUT_DEPTH + 1, 100_000]) {
      expect(refusalOf(nested(levels))?.errors).toEqual([{ field: 'body', rule: 'max-depth', message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels` }]);
    }
  });

  it.each(['\u0000', '\u0007', '\u001b', '\u007f'])('refuses %j in a string, naming its path', (character) => {
    expect(refusalOf({ parties: [{ name: `Budi${character}` }] })?.errors).toEqual([
      { field: 'parties.0.name', rule: 'no-control-characters', message: 'must not contain NUL or other control characters' },
    ]);
  });

  it('names a path parameter, a query field and a key', () => {
    expect(refusalOf('a\u0000', { type: 'param', data: 'id' })?.errors[0].field).toBe('id');
    expect(refusalOf({ from: '2025\u0000' }, { type: 'query' })?.errors[0].field).toBe('from');
    expect(refusalOf({ ['x\u0000']: 1 })?.errors[0].field).toBe('x\u0000');
  });

  it('leaves other arguments (headers, custom decorators) alone', () => {
    expect(refusalOf('a\u0000', { type: 'custom' })).toBeUndefined();
  });
});
