import { FieldError } from '@sinergi/contracts';

export type DomainErrorKind = 'invalid-input' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rule-broken' | 'unprocessable';

/**
 * What a use case throws when it says no. It knows nothing of HTTP: the problem filter maps its kind to a status,
 * and event consumers turn the same errors into per-record rejections.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly errors: FieldError[];

  constructor(errors: FieldError | FieldError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((error) => `${error.field}: ${error.message ?? error.rule}`).join('; '));
    this.name = new.target.name;
    this.errors = list;
  }
}

/** The request is malformed or breaks a rule of its own shape (e.g. `to` before `from`). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid-input';
}

/** The request carries no valid token: sign in (or, between services, come through the gateway). */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
}

/** The principal is known but its roles (or reach) do not allow this operation on this record. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** Something the request names does not exist. */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
}

/** The request contradicts the current state (a duplicate, a status that does not allow it). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** A business rule refuses the request (a closed venue day, a participant ceiling). */
export class RuleBroken extends DomainError {
  readonly kind = 'rule-broken';
}

/** The request is well-formed but cannot be processed as sent (e.g. an Idempotency-Key reused for another request). */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
}
