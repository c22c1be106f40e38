import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { EVENT_CATALOG, EventEnvelope, schemaId } from '@sinergi/contracts';

/** An envelope as another system (a ministry, another service) would publish it. */
export function buildEnvelope<T>(type: string, subject: string, data: T, source = '/test'): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    type,
    source,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: schemaId(type),
    correlationid: randomUUID(),
    data,
  };
}

/** Publishes envelopes straight to the event type's topic in the given namespace. */
export async function publishEnvelopes(producer: Producer, topicPrefix: string, envelopes: EventEnvelope[]): Promise<void> {
  for (const envelope of envelopes) {
    const definition = EVENT_CATALOG.get(envelope.type);
    if (!definition) throw new Error(`unknown event type ${envelope.type}`);
    await producer.send({
      topic: `${topicPrefix}${definition.topic}`,
      messages: [{ key: envelope.subject, value: JSON.stringify(envelope) }],
    });
  }
}
