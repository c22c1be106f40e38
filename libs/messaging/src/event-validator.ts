import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { controlCharacterPath, EventCatalog, EventEnvelope, envelopeSchema, NO_CONTROL_CHARACTERS, RecordProblem } from '@sinergi/contracts';

function newAjv(): Ajv {
  return addFormats(new Ajv({ allErrors: true, strict: false }));
}

/**
 * A checker for one record shape (e.g. an inbound ministry record): every problem names
 * the field (as a JSON pointer) and the rule it breaks, never the value. A string holding NUL or another
 * control character (which PostgreSQL cannot store) is a problem of its own, `no-control-characters`.
 */
export function recordValidator(schema: object): (record: unknown) => RecordProblem[] {
  const validate = newAjv().compile(schema);
  return (record) => {
    const controlPath = controlCharacterPath(record);
    const controlProblems = controlPath ? [{ field: `/${controlPath.join('/')}`, rule: NO_CONTROL_CHARACTERS }] : [];
    if (validate(record)) return controlProblems;
    return [
      ...controlProblems,
      ...(validate.errors ?? []).map((error) => ({
        field: error.instancePath || (error.params as { missingProperty?: string }).missingProperty || '/',
        rule: error.message ?? error.keyword,
      })),
    ];
  };
}

export type Validation =
  | { valid: true; envelope: EventEnvelope }
  | { valid: false; reason: string }
  /** A well-formed envelope of a type the catalog does not know (yet): a newer producer's event. */
  | { valid: false; reason: string; unknownType: string };

/**
 * `produce`: payloads exactly as their schemas say. `consume`: fields a payload's schema does not name are let
 * through (a producer may add optional fields before every consumer knows them); everything else is as strict.
 */
export type ValidationMode = 'produce' | 'consume';

/** Checks envelopes and payloads against the JSON Schemas in the event catalog. */
export class EventValidator {
  private readonly ajv = newAjv();
  private readonly validateEnvelope: ValidateFunction;
  private readonly validateData = new Map<string, ValidateFunction>();

  constructor(
    catalog: EventCatalog,
    mode: ValidationMode = 'produce',
  ) {
    this.validateEnvelope = this.ajv.compile(envelopeSchema);
    for (const definition of catalog.values()) {
      // An inbound ministry message is checked record by record by its consumer, which answers each record.
      const schema = definition.checkedPerRecord ? { type: 'object' } : mode === 'consume' ? withoutClosedObjects(definition.schema) : definition.schema;
      this.validateData.set(definition.type, this.ajv.compile(schema));
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
    if (!validateData) return { valid: false, reason: `type: unknown event type ${envelope.type}`, unknownType: envelope.type };
    if (!validateData(envelope.data)) {
      return { valid: false, reason: `${envelope.type} ${this.describe(validateData, 'data')}` };
    }
    return { valid: true, envelope };
  }

  private describe(validate: ValidateFunction, root = ''): string {
    return (validate.errors ?? [])
      .map((error) => `${root}${error.instancePath || (root ? '' : '/')} ${error.message}`.trim())
      .join('; ');
  }
}

/** A copy of a schema in which no object refuses properties it does not name. */
function withoutClosedObjects(schema: unknown): object {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === 'additionalProperties' && value === false ? undefined : value));
}
