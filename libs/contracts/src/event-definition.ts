import { Schema, schemaId } from './schema';

declare const builtByItsDefinition: unique symbol;

/**
 * An event to publish: its type, the aggregate it is about (the Kafka key) and its payload.
 * Only an EventDefinition builds one (`batchPlannedEvent.with(subject, data)`), so the data
 * always has its event's payload type and nobody writes an event type by hand.
 */
export interface NewEvent<T = unknown> {
  readonly type: string;
  readonly subject: string;
  readonly data: T;
  readonly [builtByItsDefinition]: true;
}

/** One event type: where it goes, what it must look like, and how to build one. */
export interface EventDefinition<T = unknown> {
  readonly type: string;
  readonly topic: string;
  readonly description: string;
  readonly schema: Schema<T> & { readonly $id: string };
  /**
   * Sent by an outside system and checked record by record by its consumer, which answers every record
   * (Accepted, or Rejected naming field and rule). `schema` is then the complete published contract, while
   * the transport checks only that `data` is an object: a bad record is answered, not dead-lettered.
   */
  readonly checkedPerRecord: boolean;
  /** The event about `subject` (the aggregate id) with this payload. */
  with(subject: string, data: T): NewEvent<T>;
}

/** The payload type of an event definition, e.g. `PayloadOf<typeof batchPlannedEvent>`. */
export type PayloadOf<D> = D extends EventDefinition<infer T> ? T : never;

export type EventCatalog = ReadonlyMap<string, EventDefinition>;

export function defineEvent<T>(type: string, topic: string, description: string, data: Schema<T>): EventDefinition<T> {
  return {
    type,
    topic,
    description,
    schema: { $id: schemaId(type), ...data },
    checkedPerRecord: false,
    with: (subject, payload) => ({ type, subject, data: payload }) as NewEvent<T>,
  };
}

/**
 * An event an outside system sends (see `checkedPerRecord`): `schema` is what it must send, with examples that
 * satisfy it. Its payload type is any object, because what arrives is whatever the sender wrote.
 */
export function defineInboundEvent(
  type: string,
  topic: string,
  description: string,
  published: Schema<unknown>,
  examples: readonly unknown[],
): EventDefinition<Record<string, unknown>> {
  const definition = defineEvent(type, topic, description, { ...published, examples } as unknown as Schema<Record<string, unknown>>);
  return { ...definition, checkedPerRecord: true };
}

export function buildCatalog(definitions: readonly EventDefinition[]): EventCatalog {
  const catalog = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (catalog.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
    catalog.set(definition.type, definition);
  }
  return catalog;
}

/**
 * The same catalogue with every topic name prefixed, e.g. `staging.` for a shared cluster,
 * or a unique prefix per test run so that runs never see each other's messages.
 */
export function withTopicPrefix(catalog: EventCatalog, prefix: string): EventCatalog {
  if (!prefix) return catalog;
  return new Map([...catalog].map(([type, definition]) => [type, { ...definition, topic: `${prefix}${definition.topic}` }]));
}
