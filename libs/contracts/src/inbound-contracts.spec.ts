import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOG } from './catalog';
import { EventDefinition } from './event-definition';
import { allTopicSpecs } from './topics';

const sentByOutsiders = new Set(
  allTopicSpecs()
    .filter((spec) => spec.producer === 'ministry systems')
    .map((spec) => spec.name),
);
const inbound = [...EVENT_CATALOG.values()].filter((definition) => sentByOutsiders.has(definition.topic));

/** JSON pointers of every place in a schema that would accept any object or any value: what an integrator cannot build from. */
function bareSchemasIn(schema: unknown, at = ''): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as {
    type?: unknown;
    properties?: Record<string, unknown>;
    items?: unknown;
    enum?: unknown;
    const?: unknown;
    pattern?: unknown;
  };
  const isBare =
    Object.keys(node).every((key) => key === 'description' || key === 'examples') ||
    (node.type === 'object' && node.properties === undefined) ||
    (node.type === 'array' && node.items === undefined);
  return [
    ...(isBare ? [at || '/'] : []),
    ...Object.entries(node.properties ?? {}).flatMap(([name, property]) => bareSchemasIn(property, `${at}/${name}`)),
    ...(node.items === undefined ? [] : bareSchemasIn(node.items, `${at}/items`)),
  ];
}

describe('what outside systems send', () => {
  it('is the messages of the topics ministry systems produce', () => {
    expect(inbound.map((definition) => definition.type).sort()).toEqual([
      'InstructorUpserted',
      'NominationBatchSubmitted',
      'TrainingModuleUpserted',
      'VenueUpserted',
    ]);
  });

  it.each(inbound.map((definition): [string, EventDefinition] => [definition.type, definition]))(
    '%s publishes a complete schema, checked per record by its consumer, with examples that satisfy it',
    (_, definition) => {
      expect(bareSchemasIn(definition.schema)).toEqual([]);
      expect(definition.checkedPerRecord).toBe(true);
      const { examples } = definition.schema as { examples?: unknown[] };
      expect(examples?.length).toBeGreaterThan(0);
      const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(definition.schema);
      for (const example of examples ?? []) expect([validate(example), validate.errors]).toEqual([true, null]);
    },
  );

  it('is the only kind of message the transport leaves to its consumer to check', () => {
    const others = [...EVENT_CATALOG.values()].filter((definition) => !sentByOutsiders.has(definition.topic));
    expect(others.filter((definition) => definition.checkedPerRecord).map((definition) => definition.type)).toEqual([]);
  });
});

describe('bareSchemasIn', () => {
  it('finds a bare object, an empty schema and an array of anything, wherever they are', () => {
    expect(bareSchemasIn({ type: 'object' })).toEqual(['/']);
    expect(
      bareSchemasIn({
        type: 'object',
        properties: { a: {}, b: { type: 'array' }, c: { type: 'array', items: { type: 'object', description: 'x' } } },
      }),
    ).toEqual(['/a', '/b', '/c/items']);
    expect(bareSchemasIn({ type: 'object', properties: { a: { type: 'string' }, b: { enum: ['x'] } } })).toEqual([]);
  });
});
