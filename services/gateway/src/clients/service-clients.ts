import { Injectable } from '@nestjs/common';
import type {
  CertificateVerificationView,
  EnrollmentDocumentView,
  EnrollmentView,
  Page,
  ParticipantView,
  Principal,
  RegisterParticipantRequest,
  ServiceName,
  SubmitEnrollmentRequest,
  WithdrawEnrollmentRequest,
} from '@sinergi/contracts';
import { GatewayConfig } from '../gateway.config';
import { ServiceAnswer, ServiceClient } from './service-client';

/** program: agreements, programmes, classes and bulk planning. */
@Injectable()
export class ProgramClient extends ServiceClient {
  constructor(config: GatewayConfig) {
    super('program', config.PROGRAM_URL, config.INTERNAL_TOKEN_SIGNING_KEY);
  }
}

/** enrollment: participants, enrollments, selection draws, attendance, certificates. */
@Injectable()
export class EnrollmentClient extends ServiceClient {
  constructor(config: GatewayConfig) {
    super('enrollment', config.ENROLLMENT_URL, config.INTERNAL_TOKEN_SIGNING_KEY);
  }

  registerParticipant(request: RegisterParticipantRequest): Promise<ServiceAnswer<ParticipantView>> {
    return this.call({ principal: null, method: 'POST', path: '/participants', body: request });
  }

  participant(principal: Principal, participantId: string): Promise<ServiceAnswer<ParticipantView>> {
    return this.call({ principal, method: 'GET', path: `/participants/${encodeURIComponent(participantId)}` });
  }

  /** A participant's enrollments, a page at a time (`query`: limit and cursor as the caller gave them). */
  enrollmentsOf(principal: Principal, participantId: string, query: Record<string, string>): Promise<ServiceAnswer<Page<EnrollmentView>>> {
    const search = new URLSearchParams(query).toString();
    return this.call({ principal, method: 'GET', path: `/participants/${encodeURIComponent(participantId)}/enrollments${search ? `?${search}` : ''}` });
  }

  enroll(principal: Principal, request: SubmitEnrollmentRequest, idempotencyKey?: string): Promise<ServiceAnswer<EnrollmentView>> {
    return this.call({ principal, method: 'POST', path: '/enrollments', body: request, idempotencyKey });
  }

  enrollment(principal: Principal, enrollmentId: string): Promise<ServiceAnswer<EnrollmentView>> {
    return this.call({ principal, method: 'GET', path: `/enrollments/${encodeURIComponent(enrollmentId)}` });
  }

  confirm(principal: Principal, enrollmentId: string): Promise<ServiceAnswer<EnrollmentView>> {
    return this.call({ principal, method: 'POST', path: `/enrollments/${encodeURIComponent(enrollmentId)}/confirm`, body: {} });
  }

  withdraw(principal: Principal, enrollmentId: string, request: WithdrawEnrollmentRequest): Promise<ServiceAnswer<EnrollmentView>> {
    return this.call({ principal, method: 'POST', path: `/enrollments/${encodeURIComponent(enrollmentId)}/withdraw`, body: request });
  }

  /** A class-change offer: accept (move) or decline (release). */
  answerOffer(principal: Principal, enrollmentId: string, answer: 'move' | 'release', body: unknown): Promise<ServiceAnswer<EnrollmentView>> {
    return this.call({ principal, method: 'POST', path: `/enrollments/${encodeURIComponent(enrollmentId)}/${answer}`, body });
  }

  certificate(principal: Principal, enrollmentId: string): Promise<ServiceAnswer<EnrollmentDocumentView>> {
    return this.call({ principal, method: 'GET', path: `/enrollments/${encodeURIComponent(enrollmentId)}/certificate` });
  }

  verifyCertificate(code: string): Promise<ServiceAnswer<CertificateVerificationView>> {
    return this.call({ principal: null, method: 'GET', path: `/certificates/verify/${encodeURIComponent(code)}` });
  }
}

/** venue-capacity: venues, rooms and closures, reservations, utilisation. */
@Injectable()
export class VenueCapacityClient extends ServiceClient {
  constructor(config: GatewayConfig) {
    super('venue-capacity', config.VENUE_CAPACITY_URL, config.INTERNAL_TOKEN_SIGNING_KEY);
  }
}

/** instructor-module: training modules, instructors, assignments. */
@Injectable()
export class InstructorModuleClient extends ServiceClient {
  constructor(config: GatewayConfig) {
    super('instructor-module', config.INSTRUCTOR_MODULE_URL, config.INTERNAL_TOKEN_SIGNING_KEY);
  }
}

/** notification: deliveries and recipients. */
@Injectable()
export class NotificationClient extends ServiceClient {
  constructor(config: GatewayConfig) {
    super('notification', config.NOTIFICATION_URL, config.INTERNAL_TOKEN_SIGNING_KEY);
  }
}

export const SERVICE_CLIENTS = [ProgramClient, EnrollmentClient, VenueCapacityClient, InstructorModuleClient, NotificationClient];

/** The client of each service, by name. */
@Injectable()
export class ServiceClients {
  private readonly byName: Record<Exclude<ServiceName, 'gateway'>, ServiceClient>;

  constructor(program: ProgramClient, enrollment: EnrollmentClient, venues: VenueCapacityClient, instructors: InstructorModuleClient, notification: NotificationClient) {
    this.byName = { program, enrollment, 'venue-capacity': venues, 'instructor-module': instructors, notification };
  }

  of(service: Exclude<ServiceName, 'gateway'>): ServiceClient {
    return this.byName[service];
  }
}
