import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HTTP_SCHEMAS, HttpOperationId, PDF_CONTENT_TYPE, Principal } from '@sinergi/contracts';
import { Forbidden, InvalidInput, NotFound, Operation, PageQuery, UuidParam } from '@sinergi/platform';
import { ServiceClients } from '../clients/service-clients';
import { IDEMPOTENCY_HEADER, IdempotencyStore } from '../idempotency/idempotency.store';
import { ApiProblems } from './api-problems';
import { API_PREFIX } from './api-routes';
import { ServiceAnswer } from '../clients/service-client';
import { principalOfRequest, sendAnswer } from './forwarder';
import { MyEnrollmentRequest, MyOfferAnswer, MyWithdrawalRequest } from './me.dto';

/** The schema of what enrollment answers to an operation (libs/contracts/src/http/http-schemas.json). */
const answerOf = (operation: HttpOperationId) => HTTP_SCHEMAS.operations[operation].answer;

const enrollmentId = ApiParam({ name: 'id', format: 'uuid', description: 'One of your enrollments' });

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
  @Operation('me.get')
  @ApiOperation({ operationId: 'me.get', summary: 'Your participant record' })
  @ApiResponse({ status: 200, description: 'The participant record (ParticipantView)', schema: answerOf('participants.get') })
  async me(@Req() request: Request, @Res() response: Response): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.clients.request('participants.get', { principal, params: { id: principal.participantId } }));
  }

  @Post('enrollments')
  @Operation('me.enroll')
  @ApiOperation({ operationId: 'me.enroll', summary: 'Enroll in a programme' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body within 24 h gets the first answer again' })
  @ApiResponse({ status: 201, description: 'The enrollment (EnrollmentView)', schema: answerOf('enrollments.get') })
  async enroll(@Req() request: Request, @Res() response: Response, @Body() body: MyEnrollmentRequest): Promise<void> {
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
  @Operation('me.enrollments')
  @ApiOperation({ operationId: 'me.enrollments', summary: 'Your enrollments, oldest first' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'The next of the previous page' })
  @ApiResponse({ status: 200, description: 'A page of enrollments (Page<EnrollmentView>)', schema: answerOf('participants.enrollments') })
  async myEnrollments(@Req() request: Request, @Res() response: Response, @Query() page: PageQuery): Promise<void> {
    const principal = participantOf(request);
    const query = { limit: page.limit, cursor: page.cursor };
    sendAnswer(response, await this.clients.request('participants.enrollments', { principal, params: { participantId: principal.participantId }, query }));
  }

  @Get('enrollments/:id')
  @Operation('me.enrollment')
  @ApiOperation({ operationId: 'me.enrollment', summary: 'One of your enrollments' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The enrollment (EnrollmentView)', schema: answerOf('enrollments.get') })
  async enrollment(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.get', { principal, params: { id } })));
  }

  @Post('enrollments/:id/confirm')
  @Operation('me.confirm')
  @ApiOperation({ operationId: 'me.confirm', summary: 'Confirm your seat' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The enrollment (EnrollmentView)', schema: answerOf('enrollments.get') })
  async confirm(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.confirm', { principal, params: { id } })));
  }

  @Post('enrollments/:id/withdraw')
  @Operation('me.withdraw')
  @ApiOperation({ operationId: 'me.withdraw', summary: 'Withdraw from a programme' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The enrollment (EnrollmentView)', schema: answerOf('enrollments.get') })
  async withdraw(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string, @Body() body: MyWithdrawalRequest): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.withdraw', { principal, params: { id }, body: { reason: body.reason } })));
  }

  @Get('enrollments/:id/offer')
  @Operation('me.offer')
  @ApiOperation({ operationId: 'me.offer', summary: 'The open offer to move to another class, with its options' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The offer (ClassChangeOfferView)', schema: answerOf('enrollments.offer') })
  async offer(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('enrollments.offer', { principal, params: { id } })));
  }

  @Post('enrollments/:id/offer')
  @Operation('me.answer-offer')
  @ApiOperation({ operationId: 'me.answer-offer', summary: 'Accept or decline a class-change offer' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The enrollment (EnrollmentView)', schema: answerOf('enrollments.get') })
  async answerOffer(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string, @Body() body: MyOfferAnswer): Promise<void> {
    if (body.answer === 'accept' && !body.batchId) throw new InvalidInput({ field: 'batchId', rule: 'required', message: 'name one of the classes the offer listed' });
    const principal = participantOf(request);
    const answer = () =>
      body.answer === 'accept' && body.batchId
        ? this.clients.request('enrollments.move', { principal, params: { id }, body: { batchId: body.batchId } })
        : this.clients.request('enrollments.release', { principal, params: { id } });
    sendAnswer(response, await this.ownEnrollment(principal, id, answer));
  }

  @Get('enrollments/:id/certificate')
  @Operation('me.certificate')
  @ApiOperation({ operationId: 'me.certificate', summary: 'Your certificate of an enrollment' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The certificate (EnrollmentDocumentView)', schema: answerOf('certificates.get') })
  async certificate(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('certificates.get', { principal, params: { id } })));
  }

  @Get('enrollments/:id/certificate.pdf')
  @Operation('me.certificate-pdf')
  @ApiOperation({ operationId: 'me.certificate-pdf', summary: 'Your certificate of an enrollment, as a PDF with its verification QR code' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The certificate (application/pdf), as an attachment', content: { [PDF_CONTENT_TYPE]: { schema: answerOf('certificates.pdf') } } })
  async certificatePdf(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
    const principal = participantOf(request);
    sendAnswer(response, await this.ownEnrollment(principal, id, () => this.clients.request('certificates.pdf', { principal, params: { id } })));
  }

  @Get('enrollments/:id/letter.pdf')
  @Operation('me.letter-pdf')
  @ApiOperation({ operationId: 'me.letter-pdf', summary: 'Your participation letter of an enrollment, as a PDF' })
  @enrollmentId
  @ApiResponse({ status: 200, description: 'The participation letter (application/pdf), as an attachment', content: { [PDF_CONTENT_TYPE]: { schema: answerOf('letters.pdf') } } })
  async letterPdf(@Req() request: Request, @Res() response: Response, @Param('id', UuidParam) id: string): Promise<void> {
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
function participantOf(request: Request): Principal & { participantId: string } {
  const principal = principalOfRequest(request);
  if (!principal?.participantId) throw new Forbidden({ field: 'participant_id', rule: 'participant-token', message: 'the access token names no participant' });
  return principal as Principal & { participantId: string };
}
