import { EntityManager } from 'typeorm';
import { DEFAULT_SCHEMA_BASE_URL, EventCatalog, EventDefinition, EventEnvelope, envelopeOf, NewEvent, schemaId } from '@sinergi/contracts';
import { EventValidator } from './event-validator';
import { currentTraceContext, newTraceContext } from './trace-context';

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
    const values: unknown[] = [];
    const rows = envelopes.map((envelope, index) => {
      values.push(envelope.id, this.definitionOf(envelope.type).topic, envelope.subject, JSON.stringify(envelope));
      const first = index * 4;
      return `($${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}::jsonb)`;
    });
    if (rows.length > 0) {
      await manager.query(`INSERT INTO outbox (event_id, topic, message_key, envelope) VALUES ${rows.join(', ')}`, values);
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
