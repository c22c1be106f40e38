import { EVENT_CATALOG } from './catalog';
import { EventDefinition } from './event-definition';
import { CLOUDEVENTS_CONTENT_TYPE, envelopeSchema } from './envelope';
import { allTopicSpecs, DEAD_LETTER_HEADERS, DEAD_LETTER_RETENTION_MS, deadLetterTopicOf, TopicSpec } from './topics';

type Json = Record<string, unknown>;

/** Ids in camel case: program.agreements.v1 -> programAgreementsV1, venue-capacity -> venueCapacity. */
function camel(...words: string[]): string {
  const joined = words.join(' ').replace(/[^A-Za-z0-9]+(\w)/g, (_, letter: string) => letter.toUpperCase());
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

function eventsOn(topic: string): EventDefinition[] {
  return [...EVENT_CATALOG.values()].filter((definition) => definition.topic === topic);
}

function withoutIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutIds);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$id').map(([key, value]) => [key, withoutIds(value)]));
}

function messagePayload(definition: EventDefinition): Json {
  const envelope = withoutIds(envelopeSchema) as { properties: Json };
  return {
    ...envelope,
    properties: { ...envelope.properties, type: { const: definition.type }, data: withoutIds(definition.schema) },
  };
}

function topicChannel(spec: TopicSpec): Json {
  return {
    address: spec.name,
    description: `${spec.description} Key: ${spec.key}. Producer: ${spec.producer}.`,
    messages: Object.fromEntries(eventsOn(spec.name).map((event) => [event.type, { $ref: `#/components/messages/${event.type}` }])),
    bindings: { kafka: { partitions: spec.partitions, topicConfiguration: { 'retention.ms': spec.retentionMs }, bindingVersion: '0.5.0' } },
  };
}

function deadLetterChannel(spec: TopicSpec): Json {
  return {
    address: deadLetterTopicOf(spec.name),
    description: `Messages of ${spec.name} that a consumer could not process, unchanged, with the reason in sinergi-dlq-* headers.`,
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    bindings: { kafka: { partitions: 1, topicConfiguration: { 'retention.ms': DEAD_LETTER_RETENTION_MS }, bindingVersion: '0.5.0' } },
  };
}

function operations(spec: TopicSpec): Array<[string, Json]> {
  const channel = { $ref: `#/channels/${camel(spec.name)}` };
  const messages = eventsOn(spec.name).map((event) => ({ $ref: `#/channels/${camel(spec.name)}/messages/${event.type}` }));
  return [
    [camel(spec.producer, 'sends', spec.name), { action: 'send', channel, messages }],
    ...spec.consumers.map((consumer): [string, Json] => [camel(consumer, 'receives', spec.name), { action: 'receive', channel, messages }]),
  ];
}

const CHECKED_PER_RECORD =
  'Sent by a ministry system. The consumer checks every record against this schema and answers each one on the results topic: ' +
  'accepted, or rejected with every problem as a field (JSON pointer) and the rule it breaks, never the value. ' +
  'A record that breaks the schema is answered, not dead-lettered, and does not hold up the other records.';

function message(definition: EventDefinition): Json {
  return {
    name: definition.type,
    title: definition.type,
    summary: definition.description,
    ...(definition.checkedPerRecord ? { description: CHECKED_PER_RECORD } : {}),
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: { type: 'object', properties: { 'content-type': { type: 'string', const: CLOUDEVENTS_CONTENT_TYPE } } },
    payload: messagePayload(definition),
    bindings: { kafka: { key: { type: 'string', description: 'the CloudEvents subject: the aggregate id' }, bindingVersion: '0.5.0' } },
  };
}

/** The AsyncAPI 3 document of every topic in the registry; libs/contracts/asyncapi.yaml is this, serialised. */
export function buildAsyncApiDocument(): Json {
  const specs = allTopicSpecs();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Sinergi event contracts',
      version: '1.0.0',
      description:
        'Topics of the Sinergi platform (Kemnaker x KemenUMKM training programmes). Every message is a CloudEvents 1.0 event in ' +
        'structured JSON mode, keyed by its subject. Generated from libs/contracts by `npm run asyncapi`; do not edit by hand.',
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm start` runs on one machine.' } },
    channels: Object.fromEntries(
      specs.flatMap((spec) => [
        [camel(spec.name), topicChannel(spec)],
        [camel(deadLetterTopicOf(spec.name)), deadLetterChannel(spec)],
      ]),
    ),
    operations: Object.fromEntries(specs.flatMap(operations)),
    components: {
      messages: {
        ...Object.fromEntries([...EVENT_CATALOG.values()].map((definition) => [definition.type, message(definition)])),
        DeadLetter: {
          name: 'DeadLetter',
          summary: 'The original message, unchanged, parked by a consumer after its retries, or at once when it broke its schema.',
          headers: {
            type: 'object',
            properties: Object.fromEntries(Object.values(DEAD_LETTER_HEADERS).map((name) => [name, { type: 'string' }])),
          },
          payload: {},
        },
      },
    },
  };
}
