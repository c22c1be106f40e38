import { EntityManager } from 'typeorm';
import { DEFAULT_SCHEMA_BASE_URL, EventCatalog, EventDefinition, EventEnvelope, envelopeOf, NewEvent, schemaId } from '@sinergi/contracts';
import { EventValidator } from './event-validator';
import { currentTraceContext, newTraceContext } from './trace-context';

/** Rows per INSERT, which bounds one statement's size; the statement has four parameters whatever its row count. */
const APPEND_CHUNK_ROWS = 5_000;

/**
 * The envelopes go as one JSON array rather than a text[] of JSON documents, which pg's client would escape one by one
 * at several times the CPU. Positions are taken in the order given, so the relay publishes the events in that order.
 */
const INSERT_ROWS = `
  INSERT INTO outbox (event_id, topic, message_key, envelope)
  SELECT event_id, topic, message_key, envelope
    FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), jsonb_array_elements($4::jsonb))
         WITH ORDINALITY AS row(event_id, topic, message_key, envelope, ordinal)
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
        JSON.stringify(chunk),
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
