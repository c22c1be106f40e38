import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { EVENT_CATALOG, EventDefinition, EventEnvelope, envelopeOf, NewEvent } from '@sinergi/contracts';

function definitionOf(type: string): EventDefinition {
  const definition = EVENT_CATALOG.get(type);
  if (!definition) throw new Error(`unknown event type ${type}`);
  return definition;
}

/** An envelope as another system (a ministry, another service) would publish it. */
export function buildEnvelope<T>(event: NewEvent<T>, source = '/test'): EventEnvelope<T> {
  return envelopeOf(event, { source, dataschema: definitionOf(event.type).schema.$id, correlationid: randomUUID() });
}

/** Publishes envelopes straight to the event type's topic in the given namespace. */
export async function publishEnvelopes(producer: Producer, topicPrefix: string, envelopes: EventEnvelope[]): Promise<void> {
  for (const envelope of envelopes) {
    await producer.send({
      topic: `${topicPrefix}${definitionOf(envelope.type).topic}`,
      messages: [{ key: envelope.subject, value: JSON.stringify(envelope) }],
    });
  }
}
