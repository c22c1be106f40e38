import { EntityManager } from 'typeorm';
import { DEFAULT_SCHEMA_BASE_URL, EventCatalog, EventDefinition, EventEnvelope, envelopeOf, NewEvent, schemaId } from '@sinergi/contracts';
import { BULK_CHUNK_ROWS, insertRows, RowOf, unnestRows } from './bulk-rows';
import { EventValidator } from './event-validator';
import { currentTraceContext, newTraceContext } from './trace-context';

/** The outbox's columns; positions are taken in the order rows are given, so the relay publishes events in that order. */
const OUTBOX_COLUMNS = { event_id: 'text', topic: 'text', message_key: 'text', envelope: 'jsonb' } as const;

/** A data-modifying statement with a RETURNING clause, and the `WITH` queries it reads (see Outbox.appendIfChanged). */
export interface StateChange {
  sql: string;
  parameters: unknown[];
  with?: string;
}

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
    await insertRows(manager, 'outbox', OUTBOX_COLUMNS, envelopes.map((envelope) => this.rowOf(envelope)));
    return envelopes;
  }

  /**
   * A state change and the events it causes in one statement, which is atomic by itself, so no transaction is needed:
   * `change` is an UPDATE, INSERT or DELETE with a RETURNING clause (its parameters `$1`...), and the events are
   * inserted only when it returned a row. Returns whether it did. For a hot path where the change is one statement.
   * PostgreSQL takes data-modifying `WITH` queries at the top level only: a change that needs some gives them as
   * `with` (`name AS (...), ...`), and they come before it.
   */
  async appendIfChanged(manager: EntityManager, change: StateChange, ...events: NewEvent[]): Promise<boolean> {
    if (events.length === 0 || events.length > BULK_CHUNK_ROWS) throw new Error(`Outbox.appendIfChanged takes 1 to ${BULK_CHUNK_ROWS} events`);
    const rows = events.map((event) => this.rowOf(this.envelope(event)));
    const source = unnestRows(OUTBOX_COLUMNS, rows, 'row', change.parameters.length + 1);
    const names = Object.keys(OUTBOX_COLUMNS).join(', ');
    const inserted = await manager.query<unknown[]>(
      `WITH ${change.with ? `${change.with}, ` : ''}changed AS (${change.sql})
       INSERT INTO outbox (${names}) SELECT ${names} FROM ${source.from} WHERE EXISTS (SELECT FROM changed) ORDER BY ordinal RETURNING event_id`,
      [...change.parameters, ...source.parameters],
    );
    return inserted.length > 0;
  }

  private rowOf(envelope: EventEnvelope): RowOf<typeof OUTBOX_COLUMNS> {
    return { event_id: envelope.id, topic: this.definitionOf(envelope.type).topic, message_key: envelope.subject, envelope };
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
