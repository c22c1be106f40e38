import { EntityManager } from 'typeorm';
import { DEFAULT_SCHEMA_BASE_URL, EventCatalog, EventDefinition, EventEnvelope, envelopeOf, NewEvent, schemaId } from '@sinergi/contracts';
import { insertRows } from './bulk-rows';
import { EventValidator } from './event-validator';
import { currentTraceContext, newTraceContext } from './trace-context';

/** The outbox's columns; positions are taken in the order rows are given, so the relay publishes events in that order. */
const OUTBOX_COLUMNS = { event_id: 'text', topic: 'text', message_key: 'text', envelope: 'jsonb' } as const;

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
    await insertRows(
      manager,
      'outbox',
      OUTBOX_COLUMNS,
      envelopes.map((envelope) => ({
        event_id: envelope.id,
        topic: this.definitionOf(envelope.type).topic,
        message_key: envelope.subject,
        envelope,
      })),
    );
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
