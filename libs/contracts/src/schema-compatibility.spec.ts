import { breakingChanges } from './schema-compatibility';
import { s } from './schema';

const committed = s.object(
  {
    name: s.string(200),
    seats: s.integer(1, 500),
    kind: s.oneOf(['BLK', 'BBPVP']),
    code: s.code(),
    days: s.array(s.date()),
    rooms: s.array(s.object({ roomCode: s.code(), seats: s.integer(1) })),
    note: s.string(500),
  },
  ['note'],
);

/** A schema as plain JSON, to edit a copy in place. */
interface Editable {
  [keyword: string]: unknown;
  properties: Record<string, Record<string, unknown> & { enum?: unknown[]; items?: Editable }>;
  required: string[];
}

/** The committed schema with one change made to a copy of it. */
function changed(edit: (schema: Editable) => void): unknown {
  const copy = JSON.parse(JSON.stringify(committed)) as Editable;
  edit(copy);
  return copy;
}

describe('breakingChanges', () => {
  it('finds nothing in the same schema', () => {
    expect(
      breakingChanges(
        committed,
        changed(() => undefined),
      ),
    ).toEqual([]);
  });

  it.each([
    ['a field removed', (schema: Editable) => delete schema.properties.kind, ['/kind: removed']],
    [
      'a new required field',
      (schema: Editable) => {
        schema.properties.city = { type: 'string' };
        schema.required.push('city');
      },
      ['/city: newly required'],
    ],
    ['an optional field made required', (schema: Editable) => schema.required.push('note'), ['/note: newly required']],
    ['a narrowed type', (schema: Editable) => (schema.properties.name.type = 'integer'), ['/name: type narrowed from string to integer']],
    ['an enum value dropped', (schema: Editable) => (schema.properties.kind.enum = ['BLK']), ['/kind: no longer allows "BBPVP"']],
    ['a changed pattern', (schema: Editable) => (schema.properties.code.pattern = '^[A-Z]+$'), ['/code: pattern changed: ^[A-Z]+$']],
    ['a new format', (schema: Editable) => (schema.properties.name.format = 'email'), ['/name: format added: email']],
    ['a raised minimum length', (schema: Editable) => (schema.properties.name.minLength = 3), ['/name: minLength raised from 1 to 3']],
    ['a lowered maximum', (schema: Editable) => (schema.properties.seats.maximum = 100), ['/seats: maximum lowered from 500 to 100']],
    ['a new upper bound', (schema: Editable) => (schema.properties.days.maxItems = 10), ['/days: maxItems lowered from none to 10']],
    ['repeats newly refused', (schema: Editable) => (schema.properties.days.uniqueItems = true), ['/days: repeated items newly refused']],
    [
      'a narrowed field inside array items',
      (schema: Editable) => (schema.properties.rooms.items!.properties.seats.minimum = 10),
      ['/rooms/items/seats: minimum raised from 1 to 10'],
    ],
    [
      'a removed field inside array items',
      (schema: Editable) => delete schema.properties.rooms.items!.properties.roomCode,
      ['/rooms/items/roomCode: removed'],
    ],
  ])('reports %s', (_, edit, expected) => {
    expect(breakingChanges(committed, changed(edit))).toEqual(expected);
  });

  it('reports a number narrowed to an integer', () => {
    expect(breakingChanges({ type: 'number' }, { type: 'integer' })).toEqual(['/: type narrowed from number to integer']);
  });

  it('reports other fields newly refused where they were allowed', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(breakingChanges(open, { ...open, additionalProperties: false })).toEqual(['/: other fields newly refused']);
  });

  it.each([
    ['an integer widened to a number', (schema: Editable) => (schema.properties.seats.type = 'number')],
    ['a new optional field', (schema: Editable) => (schema.properties.city = { type: 'string' })],
    ['a new enum value', (schema: Editable) => schema.properties.kind.enum!.push('BPVP')],
    ['a wider bound', (schema: Editable) => (schema.properties.name.maxLength = 400)],
    ['a dropped pattern', (schema: Editable) => delete schema.properties.code.pattern],
    [
      'a required field made optional',
      (schema: Editable) => (schema.required = schema.required.filter((field: string) => field !== 'name')),
    ],
    ['a new description', (schema: Editable) => (schema.properties.name.description = 'the name')],
  ])('allows %s', (_, edit) => {
    expect(breakingChanges(committed, changed(edit))).toEqual([]);
  });
});
