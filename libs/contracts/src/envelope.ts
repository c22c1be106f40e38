import { randomUUID } from 'node:crypto';
import { NewEvent } from './event-definition';

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on Kafka and sits in the outbox.
 * Extension attribute names follow the CloudEvents rule (lower-case letters and digits only).
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  /** The aggregate id; also the Kafka message key, so one aggregate's events stay in order. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  correlationid: string;
  causationid?: string;
  /** W3C trace context of the span that produced the event. */
  traceparent?: string;
  data: TData;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

export const envelopeSchema = {
  $id: 'https://sinergi.kemnaker.go.id/schemas/envelope.json',
  type: 'object',
  required: ['specversion', 'id', 'type', 'source', 'subject', 'time', 'datacontenttype', 'dataschema', 'correlationid', 'data'],
  properties: {
    specversion: { const: '1.0' },
    /** Any non-empty CloudEvents string: no control characters (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#type-system). */
    id: { type: 'string', minLength: 1, pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]+$' },
    type: { type: 'string', minLength: 1 },
    source: { type: 'string', minLength: 1 },
    subject: { type: 'string', minLength: 1 },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string', minLength: 1 },
    correlationid: { type: 'string', minLength: 1 },
    causationid: { type: 'string', minLength: 1 },
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    data: { type: 'object' },
  },
  additionalProperties: true,
} as const;

/** What the producer adds to an event to make its envelope. */
export interface EnvelopeAttributes {
  source: string;
  dataschema: string;
  correlationid: string;
  causationid?: string;
  traceparent?: string;
}

/** The envelope of an event, with a new id and the current time: the one place an envelope is put together. */
export function envelopeOf<T>(event: NewEvent<T>, attributes: EnvelopeAttributes): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    type: event.type,
    subject: event.subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    ...attributes,
    data: event.data,
  };
}
