import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventCatalog, EventEnvelope, envelopeSchema, RecordProblem } from '@sinergi/contracts';

function newAjv(): Ajv {
  return addFormats(new Ajv({ allErrors: true, strict: false }));
}

/**
 * A checker for one record shape (e.g. an inbound ministry record): every problem names
 * the field (as a JSON pointer) and the rule it breaks, never the value.
 */
export function recordValidator(schema: object): (record: unknown) => RecordProblem[] {
  const validate = newAjv().compile(schema);
  return (record) =>
    validate(record)
      ? []
      : (validate.errors ?? []).map((error) => ({
          field: error.instancePath || (error.params as { missingProperty?: string }).missingProperty || '/',
          rule: error.message ?? error.keyword,
        }));
}

export type Validation = { valid: true; envelope: EventEnvelope } | { valid: false; reason: string };

/** Checks envelopes and payloads against the JSON Schemas in the event catalog. */
export class EventValidator {
  private readonly ajv = newAjv();
  private readonly validateEnvelope: ValidateFunction;
  private readonly validateData = new Map<string, ValidateFunction>();

  constructor(private readonly catalog: EventCatalog) {
    this.validateEnvelope = this.ajv.compile(envelopeSchema);
    for (const definition of catalog.values()) {
      // An inbound ministry message is checked record by record by its consumer, which answers each record.
      this.validateData.set(definition.type, this.ajv.compile(definition.checkedPerRecord ? { type: 'object' } : definition.schema));
    }
  }

  /** Decodes a Kafka message value; the reason names each field and rule that failed. */
  decode(value: Buffer | null): Validation {
    if (!value) return { valid: false, reason: 'message has no value' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.toString('utf8'));
    } catch {
      return { valid: false, reason: 'message value is not JSON' };
    }
    return this.check(parsed);
  }

  check(candidate: unknown): Validation {
    if (!this.validateEnvelope(candidate)) {
      return { valid: false, reason: `envelope ${this.describe(this.validateEnvelope)}` };
    }
    const envelope = candidate as unknown as EventEnvelope;
    const validateData = this.validateData.get(envelope.type);
    if (!validateData) return { valid: false, reason: `type: unknown event type ${envelope.type}` };
    if (!validateData(envelope.data)) {
      return { valid: false, reason: `${envelope.type} ${this.describe(validateData, 'data')}` };
    }
    return { valid: true, envelope };
  }

  isKnownType(type: string): boolean {
    return this.catalog.has(type);
  }

  private describe(validate: ValidateFunction, root = ''): string {
    return (validate.errors ?? [])
      .map((error) => `${root}${error.instancePath || (root ? '' : '/')} ${error.message}`.trim())
      .join('; ');
  }
}
