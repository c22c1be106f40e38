import { Principal, Role, ROLES } from './roles';

/**
 * How far a role reaches in an operation:
 * - `all`: every record;
 * - `own`: only the principal's own records (a venue operator's venues, an instructor's
 *   assignments and classes, a participant's own participant record and enrollments);
 * - `masked`: every record, with personal data masked (names and phones shortened).
 */
export type Reach = 'all' | 'own' | 'masked';
/**
 * The gateway's own callers, which act for no user: a principal whose subject is one of these and which holds no role.
 * The gateway never mints an internal token with a `gateway:` subject for a user's token (see `isGatewaySubject`).
 */
export const INTERNAL_CALLERS = ['gateway:sign-in', 'gateway:operations'] as const;
export type InternalCaller = (typeof INTERNAL_CALLERS)[number];
/** An operation only one of the gateway's own callers may use (reach `all`), e.g. looking a participant up to sign them in. */
export interface InternalRule {
  internal: InternalCaller;
}
export type AccessRule = 'public' | InternalRule | Partial<Record<Role, Reach>>;

/** Subjects reserved for the gateway's own callers: a user's token (external or embedded provider) with one must be refused. */
export function isGatewaySubject(subject: string): boolean {
  return subject.startsWith('gateway:');
}

function isInternalRule(rule: AccessRule): rule is InternalRule {
  return typeof rule === 'object' && 'internal' in rule;
}

const ADMINS = { 'kemnaker-admin': 'all', 'kemenumkm-admin': 'all' } as const;
const STAFF_READ = { ...ADMINS, viewer: 'all' } as const;
const KEMNAKER = { 'kemnaker-admin': 'all' } as const;
const KEMENUMKM = { 'kemenumkm-admin': 'all' } as const;
/** The Operations page: the people who run the integration, and the ministry that hosts the platform. */
const OPERATORS = { 'kemnaker-admin': 'all', 'integration-operator': 'all' } as const;
const GATEWAY_OPERATIONS = { internal: 'gateway:operations' } as const;

/**
 * The one role x operation table. Every service route and every gateway route names its operation
 * here (`@Operation(id)`); a route without one is refused. The gateway applies it to the public API,
 * and each service applies it again to the internal token it receives.
 */
export const ACCESS_TABLE = {
  health: 'public',
  // every service (libs/platform): its outbox and dead letters, for the gateway's Operations page only
  'service-operations.outbox': GATEWAY_OPERATIONS,
  'service-operations.dead-letters': GATEWAY_OPERATIONS,
  'service-operations.dead-letter': GATEWAY_OPERATIONS,
  'service-operations.redrive': GATEWAY_OPERATIONS,
  'schemas.list': 'public',
  'schemas.get': 'public',
  'asyncapi.document': 'public',
  'asyncapi.page': 'public',

  // program
  'agreements.create': ADMINS,
  'agreements.amend': ADMINS,
  'agreements.end': ADMINS,
  'agreements.list': STAFF_READ,
  'agreements.get': STAFF_READ,
  'venue-directory.list': { ...STAFF_READ, 'venue-operator': 'all' },
  'instructor-directory.list': STAFF_READ,
  'programmes.create': ADMINS,
  'programmes.amend': ADMINS,
  'programmes.list': { ...STAFF_READ, 'venue-operator': 'all', instructor: 'all', participant: 'all' },
  'programmes.get': { ...STAFF_READ, 'venue-operator': 'all', instructor: 'all', participant: 'all' },
  'batches.plan': ADMINS,
  'batches.plan-bulk': ADMINS,
  'batches.list': { ...STAFF_READ, 'venue-operator': 'own', instructor: 'own', participant: 'all' },
  'batches.summary': STAFF_READ,
  'batches.get': { ...STAFF_READ, 'venue-operator': 'own', instructor: 'own', participant: 'all' },
  'batches.cancel': ADMINS,
  'batches.reschedule': ADMINS,
  'batches.close': { ...ADMINS, 'venue-operator': 'own' },

  // enrollment
  'participants.register': 'public',
  'participants.get': { ...ADMINS, viewer: 'masked', participant: 'own' },
  'participants.lookup': { internal: 'gateway:sign-in' },
  'enrollments.create': { ...ADMINS, participant: 'own' },
  'enrollments.get': { ...ADMINS, viewer: 'masked', participant: 'own' },
  'enrollments.confirm': { ...ADMINS, participant: 'own' },
  'enrollments.withdraw': { ...ADMINS, participant: 'own' },
  'enrollments.move': { ...ADMINS, participant: 'own' },
  'enrollments.release': { ...ADMINS, participant: 'own' },
  'enrollments.offer': { ...ADMINS, viewer: 'masked', participant: 'own' },
  'batches.fill': { ...STAFF_READ, 'venue-operator': 'own', instructor: 'own' },
  'programmes.fill': STAFF_READ,
  'attendance.record': { ...KEMNAKER, 'venue-operator': 'own', instructor: 'own' },
  'attendance.get': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own', instructor: 'own' },
  'selection.draw': ADMINS,
  'selection.get': STAFF_READ,
  'selection.entries': STAFF_READ,
  'certificates.get': { ...ADMINS, participant: 'own' },
  'certificates.pdf': { ...ADMINS, participant: 'own' },
  'letters.pdf': { ...ADMINS, participant: 'own' },
  'certificates.verify': 'public',
  // enrollment (svc-b)
  'participants.enrollments': { ...ADMINS, viewer: 'masked', participant: 'own' },

  // venue-capacity
  'venues.register': KEMNAKER,
  'venues.update': { ...KEMNAKER, 'venue-operator': 'own' },
  'venues.list': { ...STAFF_READ, 'venue-operator': 'all' },
  'venues.get': { ...STAFF_READ, 'venue-operator': 'all' },
  'rooms.close': { ...KEMNAKER, 'venue-operator': 'own' },
  'reservations.list': { ...STAFF_READ, 'venue-operator': 'own' },
  'utilisation.get': { ...STAFF_READ, 'venue-operator': 'own' },

  // instructor-module
  'training-modules.create': KEMENUMKM,
  'training-modules.list': { ...STAFF_READ, 'venue-operator': 'all', instructor: 'all' },
  'training-modules.get': { ...STAFF_READ, 'venue-operator': 'all', instructor: 'all' },
  'instructors.create': KEMENUMKM,
  'instructors.update': { ...KEMENUMKM, instructor: 'own' },
  'instructors.list': { ...ADMINS, viewer: 'masked' },
  'instructors.get': { ...ADMINS, viewer: 'masked', instructor: 'own' },
  'instructors.add-unavailability': { ...KEMENUMKM, instructor: 'own' },
  'assignments.list': { ...STAFF_READ, instructor: 'own' },
  'assignments.get': { ...STAFF_READ, instructor: 'own' },
  'assignments.withdraw': { ...KEMENUMKM, instructor: 'own' },

  // notification
  'deliveries.list': { ...ADMINS, viewer: 'masked', 'integration-operator': 'masked' },
  'deliveries.get': { ...ADMINS, viewer: 'masked', 'integration-operator': 'masked' },
  'recipients.set-venue-operator': KEMNAKER,
  'recipients.set-admin': ADMINS,
  'recipients.set-preferences': { ...ADMINS, participant: 'own' },
  'recipients.get': { ...ADMINS, participant: 'own' },
  'recipients.get-preferences': { ...ADMINS, participant: 'own' },

  // gateway (identity): signing in and the browser session; each route checks what it needs itself
  'auth.login': 'public',
  'auth.callback': 'public',
  'auth.logout': 'public',
  'auth.refresh': 'public',
  'auth.me': 'public',
  'auth.signed-out': 'public',
  'auth.interaction.page': 'public',
  'auth.interaction.staff': 'public',
  'auth.interaction.participant': 'public',
  'auth.interaction.participant-code': 'public',
  // gateway (audit)
  'audit.list': KEMNAKER,
  'audit.list-csv': KEMNAKER,
  // gateway (read models)
  'dashboard.programme-overview': { ...ADMINS, viewer: 'masked' },
  'dashboard.programme-provinces': { ...ADMINS, viewer: 'masked' },
  'dashboard.classes': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own' },
  'dashboard.venue-utilisation': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own' },
  'dashboard.instructor-load': { ...ADMINS, viewer: 'masked' },
  'dashboard.notifications': { ...ADMINS, viewer: 'masked' },
  'dashboard.dead-letters': { ...ADMINS, 'integration-operator': 'all' },
  // the CSV exports of the dashboard lists: the same roles and reach as each JSON list
  'dashboard.programme-provinces-csv': { ...ADMINS, viewer: 'masked' },
  'dashboard.classes-csv': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own' },
  'dashboard.venue-utilisation-csv': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own' },
  'dashboard.instructor-load-csv': { ...ADMINS, viewer: 'masked' },
  'dashboard.notifications-csv': { ...ADMINS, viewer: 'masked' },
  'dashboard.dead-letters-csv': { ...ADMINS, 'integration-operator': 'all' },
  // the live changes of the read models (server-sent events): every role that reads a dashboard; each change goes
  // only to a stream whose roles may read the dashboard it changes
  'dashboard.changes': { ...ADMINS, viewer: 'masked', 'venue-operator': 'own', 'integration-operator': 'all' },
  // gateway (operations): consumer lag, outbox backlogs, dead letters (personal data always masked) and their re-drive
  'operations.consumer-lag': OPERATORS,
  'operations.outbox': OPERATORS,
  'operations.dead-letters': OPERATORS,
  'operations.dead-letter': OPERATORS,
  'operations.redrive': OPERATORS,
  // gateway (gw-api): a participant's self-service under /api/v1/me, by the participant id of the token
  'me.get': { participant: 'own' },
  'me.enroll': { participant: 'own' },
  'me.enrollments': { participant: 'own' },
  'me.enrollment': { participant: 'own' },
  'me.confirm': { participant: 'own' },
  'me.withdraw': { participant: 'own' },
  'me.offer': { participant: 'own' },
  'me.answer-offer': { participant: 'own' },
  'me.certificate': { participant: 'own' },
  'me.certificate-pdf': { participant: 'own' },
  'me.letter-pdf': { participant: 'own' },
} as const satisfies Record<string, AccessRule>;

export type OperationId = keyof typeof ACCESS_TABLE;
export const OPERATION_IDS = Object.keys(ACCESS_TABLE) as OperationId[];

/** What the table grants a principal in an operation: the widest reach of its roles, or none. */
export function reachOf(operation: OperationId, principal: Pick<Principal, 'roles'> & Partial<Pick<Principal, 'subject'>>): Reach | 'public' | undefined {
  const rule: AccessRule = ACCESS_TABLE[operation];
  if (rule === 'public') return 'public';
  if (isInternalRule(rule)) return principal.subject === rule.internal && principal.roles.length === 0 ? 'all' : undefined;
  const reaches = principal.roles.map((role) => rule[role]).filter((reach): reach is Reach => reach !== undefined);
  return (['all', 'masked', 'own'] as const).find((reach) => reaches.includes(reach));
}

/** The table as Markdown rows (README): one row per operation, one column per role. */
export function accessTableMarkdown(): string {
  const header = `| operation | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = OPERATION_IDS.map((operation) => {
    const rule: AccessRule = ACCESS_TABLE[operation];
    if (isInternalRule(rule)) return `| \`${operation}\` (only the gateway's \`${rule.internal}\`) | ${ROLES.map(() => '-').join(' | ')} |`;
    const cells = ROLES.map((role) => (rule === 'public' ? 'public' : (rule[role] ?? '-')));
    return `| \`${operation}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}
