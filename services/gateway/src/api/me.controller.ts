import { applyDecorators, Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HTTP_SCHEMAS, PDF_CONTENT_TYPE, type Principal } from '@sinergi/contracts';
import { Forbidden, type GuardedRequest, InvalidInput, NotFound, Operation, PageQuery, UuidParam } from '@sinergi/platform';
import { ServiceClients } from '../clients/service-clients';
import { IDEMPOTENCY_HEADER, IdempotencyStore } from '../idempotency/idempotency.store';
import { ApiContract } from './api-contract';
import { ApiProblems } from './api-problems';
import { API_PREFIX } from './api-routes';
import { ServiceAnswer } from '../clients/service-client';
import { principalOfRequest, sendAnswer } from './forwarder';
import { MyEnrollmentBody, MyOfferAnswerBody, MyWithdrawalBody } from './me.dto';

/** A PDF document of enrollment, described in OpenAPI as the file it is (not by a JSON contract). */
function ApiPdfDocument(operationId: 'me.certificate-pdf' | 'me.letter-pdf', summary: string, what: string): MethodDecorator[] {
  return [
    Operation(operationId),
    ApiOperation({ operationId, summary }),
    ApiParam({ name: 'id', format: 'uuid', description: 'One of your enrollments' }),
    ApiResponse({ status: 200, description: `${what} (application/pdf), as an attachment`, content: { [PDF_CONTENT_TYPE]: { schema: HTTP_SCHEMAS.operations['certificates.pdf'].answer } } }),
  ];
}

/** A participant's self-service: their own record and enrollments, by the participant id of their token. */
@ApiTags('me')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: true })
@Controller(`${API_PREFIX}/me`)
export class MeController {
  constructor(
    private readonly clients: ServiceClients,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Get()
  @ApiContract('me.get', 'Your participant record')
  async me(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.clients.request('participants.get', { principal, params: { id: principal.participantId } }));
  }

  @Post('enrollments')
  @ApiContract('me.enroll', 'Enroll in a programme')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body within 24 h gets the first answer again' })
  async enroll(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: MyEnrollmentBody): Promise<void> {
    const principal = participantOf(request);
    const submit = () =>
      this.clients.request('enrollments.create', {
        principal,
        body: { participantId: principal.participantId, programmeId: body.programmeId, batchId: body.batchId },
        idempotencyKey: request.header(IDEMPOTENCY_HEADER),
      });
    sendAnswer(response, await this.idempotency.once(request, principal, submit));
  }

  @Get('enrollments')
  @ApiContract('me.enrollments', 'Your enrollments, oldest first')
  async myEnrollments(@Req() request: GuardedRequest, @Res() response: Response, @Query() page: PageQuery): Promise<void> {
    const principal = participantOf(request);
    const query = { limit: page.limit, cursor: page.cursor };
    sendAnswer(response, await this.clients.request('participants.enrollments', { principal, params: { participantId: principal.participantId }, query }));
  }

  @Get('enrollments/:id')
  @ApiContract('me.enrollment', 'One of your enrollments')
  async enrollment(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.get', { principal, params: { id } })));
  }

  @Post('enrollments/:id/confirm')
  @ApiContract('me.confirm', 'Confirm your seat')
  async confirm(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.confirm', { principal, params: { id } })));
  }

  @Post('enrollments/:id/withdraw')
  @ApiContract('me.withdraw', 'Withdraw from a programme')
  async withdraw(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string, @Body() body: MyWithdrawalBody): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.withdraw', { principal, params: { id }, body: { reason: body.reason } })));
  }

  @Get('enrollments/:id/offer')
  @ApiContract('me.offer', 'The open offer to move to another class, with its options')
  async offer(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.offer', { principal, params: { id } })));
  }

  @Post('enrollments/:id/offer')
  @ApiContract('me.answer-offer', 'Accept or decline a class-change offer')
  async answerOffer(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string, @Body() body: MyOfferAnswerBody): Promise<void> {
    if (body.answer === 'accept' && !body.batchId) throw new InvalidInput({ field: 'batchId', rule: 'required', message: 'name one of the classes the offer listed' });
    const principal = participantOf(request);
    const answer = () =>
      body.answer === 'accept' && body.batchId
        ? this.clients.request('enrollments.move', { principal, params: { id }, body: { batchId: body.batchId } })
        : this.clients.request('enrollments.release', { principal, params: { id } });
    sendAnswer(response, await this.ownEnrollment(principal, id, answer));
  }

  @Get('enrollments/:id/certificate')
  @ApiContract('me.certificate', 'Your certificate of an enrollment')
  async certificate(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('certificates.get', { principal, params: { id } })));
  }

  @Get('enrollments/:id/certificate.pdf')
  @applyDecorators(...ApiPdfDocument('me.certificate-pdf', 'Your certificate of an enrollment, as a PDF with its verification QR code', 'The certificate'))
  async certificatePdf(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('certificates.pdf', { principal, params: { id } })));
  }

  @Get('enrollments/:id/letter.pdf')
  @applyDecorators(...ApiPdfDocument('me.letter-pdf', 'Your participation letter of an enrollment, as a PDF with its verification QR code', 'The participation letter'))
  async letterPdf(@Req() request: GuardedRequest, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('letters.pdf', { principal, params: { id } })));
  }

  /**
   * Runs `then` only on the caller's own enrollment; another participant's is 404, as if it did not exist. The gateway
   * checks this itself, so that /me never depends on how far a service applies the `own` reach.
   */
  private async ownEnrollment(principal: Principal & { participantId: string }, id: string, then: () => Promise<ServiceAnswer>): Promise<ServiceAnswer> {
    const enrollment = await this.clients.request('enrollments.get', { principal, params: { id } });
    if (enrollment.status !== 200) return enrollment;
    if (enrollment.body.participantId !== principal.participantId) {
      throw new NotFound({ field: 'id', rule: 'own-enrollment', message: 'you have no enrollment with this id' });
    }
    return then();
  }
}

/** The caller as a participant: a token with the participant role but no participant id reaches nothing here. */
function participantOf(request: GuardedRequest): Principal & { participantId: string } {
  const principal = principalOfRequest(request);
  if (!principal?.participantId) throw new Forbidden({ field: 'participant_id', rule: 'participant-token', message: 'the access token names no participant' });
  return principal as Principal & { participantId: string };
}
