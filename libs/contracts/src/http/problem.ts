/** One broken rule: which field (a dotted path into the request, or `body`) and which rule it broke. */
export interface FieldError {
  field: string;
  rule: string;
  /** A sentence for people; clients act on `field` and `rule`. */
  message?: string;
}

/**
 * Every error a Sinergi HTTP API answers with: RFC 9457 `application/problem+json`, plus the
 * broken rules. A 500 carries only `errorId`, which names the log line that explains it.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  errorId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
