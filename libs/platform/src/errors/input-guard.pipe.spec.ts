import { ArgumentMetadata } from '@nestjs/common';
import { InvalidInput } from './domain-errors';
import { InputGuardPipe } from './input-guard.pipe';

const body: ArgumentMetadata = { type: 'body' };

function refusalOf(value: unknown, metadata: ArgumentMetadata = body): InvalidInput | undefined {
  try {
    new InputGuardPipe().transform(value, metadata);
    return undefined;
  } catch (error) {
    return error as InvalidInput;
  }
}

describe('InputGuardPipe', () => {
  it('passes ordinary input unchanged, tabs and new lines included', () => {
    const input = { title: 'MoU\n\tpasal 1', parties: [{ code: 'KEMNAKER' }] };
    expect(new InputGuardPipe().transform(input, body)).toBe(input);
  });

  it.each(['\u0000', '\u0007', '\u001b', '\u007f'])('refuses %j in a string, naming its path', (character) => {
    expect(refusalOf({ parties: [{ name: `Budi${character}` }] })?.errors).toEqual([
      { field: 'parties.0.name', rule: 'no-control-characters', message: 'must not contain NUL or other control characters' },
    ]);
  });

  it('names a path parameter, a query field, a key, and a body that is one string', () => {
    expect(refusalOf('a\u0000', { type: 'param', data: 'id' })?.errors[0].field).toBe('id');
    expect(refusalOf({ from: '2025\u0000' }, { type: 'query' })?.errors[0].field).toBe('from');
    expect(refusalOf({ ['x\u0000']: 1 })?.errors[0].field).toBe('x\u0000');
    expect(refusalOf('\u0000')?.errors[0].field).toBe('body');
  });

  it('leaves other arguments (headers, custom decorators) alone', () => {
    expect(refusalOf('a\u0000', { type: 'custom' })).toBeUndefined();
  });
});
