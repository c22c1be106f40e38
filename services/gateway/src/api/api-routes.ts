import { ACCESS_TABLE, HttpOperationId, HttpRoute, HTTP_ROUTES, OperationId, PDF_CONTENT_TYPE } from '@sinergi/contracts';

/** The services' operations only the gateway's own callers use (e.g. participants.lookup): never forwarded. */
type InternalOperationId = { [Op in OperationId]: (typeof ACCESS_TABLE)[Op] extends { internal: string } ? Op : never }[OperationId];
export type ForwardedOperationId = Exclude<HttpOperationId, InternalOperationId>;
export type ForwardedService = HttpRoute['service'];

/** What the public API adds to a service's route (HTTP_ROUTES in libs/contracts). */
interface ApiRouteFacts {
  summary: string;
  /** A POST that creates something: it takes an Idempotency-Key. */
  creates?: boolean;
  /** A list: answers a Page ({items, next?}) and takes limit, cursor and the service's filters. */
  page?: boolean;
  /** Under the stricter rate limit. */
  sensitive?: boolean;
  /** Answers a file of this media type (its bytes, passed on unchanged), not JSON. */
  file?: typeof PDF_CONTENT_TYPE;
}

/**
 * One route of the public API that forwards to a service: the service's own method and path (Express style)
 * under /api/v1, and the service's operation id (the service applies the access table again to the internal token).
 */
export interface ApiRoute extends HttpRoute, ApiRouteFacts {
  operation: ForwardedOperationId;
}

const FORWARDED: { [Op in ForwardedOperationId]: ApiRouteFacts } = {
  'agreements.create': { summary: 'Record a signed MoU or PKS', creates: true },
  'agreements.amend': { summary: 'Amend an agreement', creates: true },
  'agreements.end': { summary: 'End an agreement' },
  'agreements.list': { summary: 'List agreements', page: true },
  'agreements.get': { summary: 'One agreement' },
  'venue-directory.list': { summary: "program's copy of the venue catalogue", page: true },
  'instructor-directory.list': { summary: "program's copy of the instructor catalogue (public profiles), which the planner uses", page: true },
  'programmes.create': { summary: 'Launch a programme', creates: true },
  'programmes.amend': { summary: 'Amend a programme', creates: true },
  'programmes.list': { summary: 'List programmes', page: true },
  'programmes.get': { summary: 'One programme' },
  'batches.plan': { summary: 'Plan a class', creates: true },
  'batches.plan-bulk': { summary: 'Plan many classes at once', creates: true },
  'batches.list': { summary: "A programme's classes", page: true },
  'batches.summary': { summary: "How a programme's classes stand" },
  'batches.get': { summary: 'One class' },
  'batches.cancel': { summary: 'Cancel a class' },
  'batches.reschedule': { summary: 'Move a class to other dates' },
  'batches.close': { summary: 'Close a completed class' },
  'participants.register': { summary: 'Register as a participant (public)', creates: true, sensitive: true },
  'participants.get': { summary: 'One participant' },
  'participants.enrollments': { summary: "A participant's enrollments", page: true },
  'enrollments.create': { summary: 'Enroll a participant in a programme', creates: true },
  'enrollments.get': { summary: 'One enrollment' },
  'enrollments.confirm': { summary: 'Confirm a seat' },
  'enrollments.withdraw': { summary: 'Withdraw an enrollment' },
  'enrollments.move': { summary: 'Accept a class-change offer' },
  'enrollments.release': { summary: 'Decline a class-change offer' },
  'enrollments.offer': { summary: 'The open class-change offer of an enrollment' },
  'batches.fill': { summary: "A class's seats" },
  'programmes.fill': { summary: "A programme's seats" },
  'attendance.record': { summary: "Record a day's attendance" },
  'attendance.get': { summary: "A class's register" },
  'selection.draw': { summary: 'Draw the selection', creates: true },
  'selection.get': { summary: 'The selection drawn' },
  'selection.entries': { summary: 'The draw entries, in draw order', page: true },
  'certificates.get': { summary: "An enrollment's certificate" },
  'certificates.pdf': { summary: "An enrollment's certificate as a PDF", file: PDF_CONTENT_TYPE },
  'letters.pdf': { summary: "An enrollment's participation letter as a PDF", file: PDF_CONTENT_TYPE },
  'certificates.verify': { summary: 'Verify a certificate by its code (public)', sensitive: true },
  'venues.register': { summary: 'Register a training centre', creates: true },
  'venues.update': { summary: 'Update a training centre' },
  'venues.list': { summary: 'List training centres', page: true },
  'venues.get': { summary: 'One training centre' },
  'rooms.close': { summary: 'Close a room for some days', creates: true },
  'reservations.list': { summary: 'List room reservations', page: true },
  'utilisation.get': { summary: 'Room utilisation' },
  'training-modules.create': { summary: 'Publish a training module', creates: true },
  'training-modules.list': { summary: 'List training modules', page: true },
  'training-modules.get': { summary: 'One training module' },
  'instructors.create': { summary: 'Register an instructor', creates: true },
  'instructors.update': { summary: 'Update an instructor' },
  'instructors.list': { summary: 'List instructors', page: true },
  'instructors.get': { summary: 'One instructor' },
  'instructors.add-unavailability': { summary: "Record an instructor's unavailable days", creates: true },
  'assignments.list': { summary: 'List assignments', page: true },
  'assignments.get': { summary: 'One assignment' },
  'assignments.withdraw': { summary: 'Withdraw an instructor from a class' },
  'deliveries.list': { summary: 'List message deliveries', page: true },
  'deliveries.get': { summary: 'One delivery' },
  'recipients.set-venue-operator': { summary: "Set a venue's operator contact" },
  'recipients.set-admin': { summary: 'Set an admin contact' },
  'recipients.set-preferences': { summary: "Set a recipient's channel preferences" },
  'recipients.get': { summary: 'One recipient' },
  'recipients.get-preferences': { summary: "A recipient's channel preferences" },
};

/** Every operation of the services but their internal ones, under the services' own paths. */
export const API_ROUTES: ApiRoute[] = (Object.keys(FORWARDED) as ForwardedOperationId[]).map((operation) => ({ operation, ...HTTP_ROUTES[operation], ...FORWARDED[operation] }));

export const API_PREFIX = 'api/v1';
