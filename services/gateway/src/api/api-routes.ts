import type { OperationId, ServiceName } from '@sinergi/contracts';
import type { HttpMethod } from '../clients/service-client';

export type ForwardedService = Exclude<ServiceName, 'gateway'>;

/**
 * One route of the public API that forwards to a service: the same path under /api/v1 as the service's
 * own, and the service's operation id (the service applies the access table again to the internal token).
 */
export interface ApiRoute {
  operation: OperationId;
  service: ForwardedService;
  method: HttpMethod;
  /** The service's path (Express style); the gateway serves it under /api/v1. */
  path: string;
  summary: string;
  /** A POST that creates something: it takes an Idempotency-Key. */
  creates?: boolean;
  /** A list: answers a Page ({items, next?}) and takes limit, cursor and the service's filters. */
  page?: boolean;
  /** Under the stricter rate limit. */
  sensitive?: boolean;
}

const program = (routes: Array<Omit<ApiRoute, 'service'>>): ApiRoute[] => routes.map((route) => ({ ...route, service: 'program' }));
const enrollment = (routes: Array<Omit<ApiRoute, 'service'>>): ApiRoute[] => routes.map((route) => ({ ...route, service: 'enrollment' }));
const venues = (routes: Array<Omit<ApiRoute, 'service'>>): ApiRoute[] => routes.map((route) => ({ ...route, service: 'venue-capacity' }));
const instructors = (routes: Array<Omit<ApiRoute, 'service'>>): ApiRoute[] => routes.map((route) => ({ ...route, service: 'instructor-module' }));
const notification = (routes: Array<Omit<ApiRoute, 'service'>>): ApiRoute[] => routes.map((route) => ({ ...route, service: 'notification' }));

export const API_ROUTES: ApiRoute[] = [
  ...program([
    { operation: 'agreements.create', method: 'POST', path: '/agreements', summary: 'Record a signed MoU or PKS', creates: true },
    { operation: 'agreements.amend', method: 'POST', path: '/agreements/:id/amendments', summary: 'Amend an agreement', creates: true },
    { operation: 'agreements.end', method: 'POST', path: '/agreements/:id/end', summary: 'End an agreement' },
    { operation: 'agreements.list', method: 'GET', path: '/agreements', summary: 'List agreements', page: true },
    { operation: 'agreements.get', method: 'GET', path: '/agreements/:id', summary: 'One agreement' },
    { operation: 'venue-directory.list', method: 'GET', path: '/venue-directory', summary: "program's copy of the venue catalogue", page: true },
    { operation: 'programmes.create', method: 'POST', path: '/programmes', summary: 'Launch a programme', creates: true },
    { operation: 'programmes.amend', method: 'POST', path: '/programmes/:id/amendments', summary: 'Amend a programme', creates: true },
    { operation: 'programmes.list', method: 'GET', path: '/programmes', summary: 'List programmes', page: true },
    { operation: 'programmes.get', method: 'GET', path: '/programmes/:id', summary: 'One programme' },
    { operation: 'batches.plan', method: 'POST', path: '/programmes/:programmeId/batches', summary: 'Plan a class', creates: true },
    { operation: 'batches.plan-bulk', method: 'POST', path: '/programmes/:programmeId/batches/bulk', summary: 'Plan many classes at once', creates: true },
    { operation: 'batches.list', method: 'GET', path: '/programmes/:programmeId/batches', summary: "A programme's classes", page: true },
    { operation: 'batches.summary', method: 'GET', path: '/programmes/:programmeId/batch-summary', summary: "How a programme's classes stand" },
    { operation: 'batches.get', method: 'GET', path: '/batches/:batchId', summary: 'One class' },
    { operation: 'batches.cancel', method: 'POST', path: '/batches/:batchId/cancel', summary: 'Cancel a class' },
    { operation: 'batches.reschedule', method: 'POST', path: '/batches/:batchId/reschedule', summary: 'Move a class to other dates' },
    { operation: 'batches.close', method: 'POST', path: '/batches/:batchId/close', summary: 'Close a completed class' },
  ]),
  ...enrollment([
    { operation: 'participants.register', method: 'POST', path: '/participants', summary: 'Register as a participant (public)', creates: true, sensitive: true },
    { operation: 'participants.get', method: 'GET', path: '/participants/:id', summary: 'One participant' },
    { operation: 'participants.enrollments', method: 'GET', path: '/participants/:participantId/enrollments', summary: "A participant's enrollments", page: true },
    { operation: 'enrollments.create', method: 'POST', path: '/enrollments', summary: 'Enroll a participant in a programme', creates: true },
    { operation: 'enrollments.get', method: 'GET', path: '/enrollments/:id', summary: 'One enrollment' },
    { operation: 'enrollments.confirm', method: 'POST', path: '/enrollments/:id/confirm', summary: 'Confirm a seat' },
    { operation: 'enrollments.withdraw', method: 'POST', path: '/enrollments/:id/withdraw', summary: 'Withdraw an enrollment' },
    { operation: 'enrollments.move', method: 'POST', path: '/enrollments/:id/move', summary: 'Accept a class-change offer' },
    { operation: 'enrollments.release', method: 'POST', path: '/enrollments/:id/release', summary: 'Decline a class-change offer' },
    { operation: 'batches.fill', method: 'GET', path: '/batches/:batchId/fill', summary: "A class's seats" },
    { operation: 'programmes.fill', method: 'GET', path: '/programmes/:programmeId/fill', summary: "A programme's seats" },
    { operation: 'attendance.record', method: 'PUT', path: '/batches/:batchId/attendance/:day', summary: "Record a day's attendance" },
    { operation: 'attendance.get', method: 'GET', path: '/batches/:batchId/attendance', summary: "A class's register" },
    { operation: 'selection.draw', method: 'POST', path: '/programmes/:programmeId/selection', summary: 'Draw the selection', creates: true },
    { operation: 'selection.get', method: 'GET', path: '/programmes/:programmeId/selection', summary: 'The selection drawn' },
    { operation: 'selection.entries', method: 'GET', path: '/programmes/:programmeId/selection/entries', summary: 'The draw entries, in draw order', page: true },
    { operation: 'certificates.get', method: 'GET', path: '/enrollments/:id/certificate', summary: "An enrollment's certificate" },
    { operation: 'certificates.verify', method: 'GET', path: '/certificates/verify/:code', summary: 'Verify a certificate by its code (public)', sensitive: true },
  ]),
  ...venues([
    { operation: 'venues.register', method: 'POST', path: '/venues', summary: 'Register a training centre', creates: true },
    { operation: 'venues.update', method: 'PUT', path: '/venues/:venueCode', summary: 'Update a training centre' },
    { operation: 'venues.list', method: 'GET', path: '/venues', summary: 'List training centres', page: true },
    { operation: 'venues.get', method: 'GET', path: '/venues/:venueCode', summary: 'One training centre' },
    { operation: 'rooms.close', method: 'POST', path: '/venues/:venueCode/rooms/:roomCode/unavailability', summary: 'Close a room for some days', creates: true },
    { operation: 'reservations.list', method: 'GET', path: '/reservations', summary: 'List room reservations', page: true },
    { operation: 'utilisation.get', method: 'GET', path: '/utilisation', summary: 'Room utilisation' },
  ]),
  ...instructors([
    { operation: 'training-modules.create', method: 'POST', path: '/training-modules', summary: 'Publish a training module', creates: true },
    { operation: 'training-modules.list', method: 'GET', path: '/training-modules', summary: 'List training modules', page: true },
    { operation: 'training-modules.get', method: 'GET', path: '/training-modules/:code', summary: 'One training module' },
    { operation: 'instructors.create', method: 'POST', path: '/instructors', summary: 'Register an instructor', creates: true },
    { operation: 'instructors.update', method: 'PUT', path: '/instructors/:id', summary: 'Update an instructor' },
    { operation: 'instructors.list', method: 'GET', path: '/instructors', summary: 'List instructors', page: true },
    { operation: 'instructors.get', method: 'GET', path: '/instructors/:id', summary: 'One instructor' },
    { operation: 'instructors.add-unavailability', method: 'POST', path: '/instructors/:id/unavailability', summary: "Record an instructor's unavailable days", creates: true },
    { operation: 'assignments.list', method: 'GET', path: '/assignments', summary: 'List assignments', page: true },
    { operation: 'assignments.get', method: 'GET', path: '/assignments/:id', summary: 'One assignment' },
    { operation: 'assignments.withdraw', method: 'POST', path: '/assignments/:id/withdraw', summary: 'Withdraw an instructor from a class' },
  ]),
  ...notification([
    { operation: 'deliveries.list', method: 'GET', path: '/deliveries', summary: 'List message deliveries', page: true },
    { operation: 'deliveries.get', method: 'GET', path: '/deliveries/:id', summary: 'One delivery' },
    { operation: 'recipients.set-venue-operator', method: 'PUT', path: '/recipients/venue-operators/:venueCode', summary: "Set a venue's operator contact" },
    { operation: 'recipients.set-admin', method: 'PUT', path: '/recipients/admins/:id', summary: 'Set an admin contact' },
    { operation: 'recipients.set-preferences', method: 'PUT', path: '/recipients/:kind/:id/preferences', summary: "Set a recipient's channel preferences" },
    { operation: 'recipients.get', method: 'GET', path: '/recipients/:kind/:id', summary: 'One recipient' },
    { operation: 'recipients.get-preferences', method: 'GET', path: '/recipients/:kind/:id/preferences', summary: "A recipient's channel preferences" },
  ]),
];

export const API_PREFIX = 'api/v1';
