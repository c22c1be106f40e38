/** Who may use the system, as the gateway's sign-in establishes it. */
export const ROLES = [
  'kemnaker-admin',
  'kemenumkm-admin',
  'venue-operator',
  'instructor',
  'participant',
  'viewer',
  'integration-operator',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Whom a request speaks for. The gateway builds it from the signed-in user's access token and
 * passes it to the services in a short-lived internal token; each service checks it again.
 */
export interface Principal {
  /** The account's stable id at the identity provider (a participant: their participant id). */
  subject: string;
  roles: Role[];
  /** A venue operator's venues: the only ones whose classes, rooms and rosters they reach. */
  venueCodes: string[];
  /** An instructor's id in instructor-module: their own assignments and classes. */
  instructorId?: string;
  /** A participant's id in enrollment: their own records only. */
  participantId?: string;
}

/** The claims of the gateway's internal token (and of the embedded provider's access tokens). */
export const PRINCIPAL_CLAIMS = {
  roles: 'roles',
  venueCodes: 'venue_codes',
  instructorId: 'instructor_id',
  participantId: 'participant_id',
} as const;

/** The internal token: minted by the gateway per call, for one service (its audience), for a minute. */
export const INTERNAL_TOKEN = {
  issuer: 'sinergi-gateway',
  algorithm: 'ES256',
  lifetimeSeconds: 60,
} as const;
