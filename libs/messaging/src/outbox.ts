import { EntityManager } from 'typeorm';
import { DEFAULT_SCHEMA_BASE_URL, EventCatalog, EventDefinition, EventEnvelope, envelopeOf, NewEvent, schemaId } from '@sinergi/contracts';
import { EventValidator } from './event-validator';
import { currentTraceContext, newTraceContext } from './trace-context';

/** Rows per INSERT: each statement has four array parameters whatever its size; this bounds one statement's message. */
const APPEND_CHUNK_ROWS = 5_000;

/** Positions are taken in the order of the arguments, so the relay publishes the events in the order they were given. */
const INSERT_ROWS = `
  INSERT INTO outbox (event_id, topic, message_key, envelope)
  SELECT event_id, topic, message_key, envelope::jsonb
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS row(event_id, topic, message_key, envelope, ordinal)
   ORDER BY ordinal`;

/**
 * Writes events into the outbox table inside the caller's transaction, so that an event exists
 * exactly when the state change that caused it commits. The relay publishes them afterwards.
 */
export class Outbox {
  private readonly validator: EventValidator;

  constructor(
    private readonly catalog: EventCatalog,
    private readonly source: string,
    /** Where the gateway serves the schemas: each event's dataschema is <base>/schemas/<Type>.v1.json. */
    private readonly schemaBaseUrl = DEFAULT_SCHEMA_BASE_URL,
  ) {
    this.validator = new EventValidator(catalog);
  }

  async append(manager: EntityManager, ...events: NewEvent[]): Promise<EventEnvelope[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.append must run inside the transaction that changes the state');
    }
    const envelopes = events.map((event) => this.envelope(event));
    const topics = envelopes.map((envelope) => this.definitionOf(envelope.type).topic);
    for (let start = 0; start < envelopes.length; start += APPEND_CHUNK_ROWS) {
      const chunk = envelopes.slice(start, start + APPEND_CHUNK_ROWS);
      await manager.query(INSERT_ROWS, [
        chunk.map((envelope) => envelope.id),
        topics.slice(start, start + APPEND_CHUNK_ROWS),
        chunk.map((envelope) => envelope.subject),
        chunk.map((envelope) => JSON.stringify(envelope)),
      ]);
    }
    return envelopes;
  }

  private envelope(event: NewEvent): EventEnvelope {
    const context = currentTraceContext() ?? newTraceContext();
    const envelope = envelopeOf(event, {
      source: this.source,
      dataschema: schemaId(event.type, this.schemaBaseUrl),
      correlationid: context.correlationId,
      ...(context.causationId ? { causationid: context.causationId } : {}),
      traceparent: context.traceparent,
    });
    const validation = this.validator.check(envelope);
    if (!validation.valid) throw new Error(`refusing to publish an invalid event: ${validation.reason}`);
    return envelope;
  }

  private definitionOf(type: string): EventDefinition {
    const definition = this.catalog.get(type);
    if (!definition) throw new Error(`event type ${type} is not in the event catalog`);
    return definition;
  }
}
