import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BatchFillChanged, EnrollmentView, PROBLEM_CONTENT_TYPE, ProgrammeFillView } from '@sinergi/contracts';
import { Caller, CurrentCaller, InvalidInput, Operation, UuidParam } from '@sinergi/platform';
import { SubmitEnrollmentDto, WithdrawEnrollmentDto } from './enrollment.dto';
import { EnrollmentsService } from './enrollments.service';
import { FillService } from './fill.service';

const MAX_KEY_LENGTH = 200;

@Controller('enrollments')
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post()
  @Operation('enrollments.create')
  async submit(
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: SubmitEnrollmentDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<object> {
    caller.assertReaches({ participantId: dto.participantId }, 'participantId');
    if (!key || key.length > MAX_KEY_LENGTH) {
      throw new InvalidInput({ field: 'Idempotency-Key', rule: 'required', message: `the header is required, 1-${MAX_KEY_LENGTH} characters (e.g. a UUID per enrollment request)` });
    }
    const outcome = await this.enrollments.submitOnce(key, dto);
    response.status(outcome.status);
    if (outcome.status >= 400) response.type(PROBLEM_CONTENT_TYPE);
    return outcome.body;
  }

  @Get(':id')
  @Operation('enrollments.get')
  async get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EnrollmentView> {
    return this.reachable(id, caller);
  }

  @Post(':id/confirm')
  @Operation('enrollments.confirm')
  @HttpCode(200)
  async confirm(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EnrollmentView> {
    await this.reachable(id, caller);
    return this.enrollments.confirm(id);
  }

  @Post(':id/withdraw')
  @Operation('enrollments.withdraw')
  @HttpCode(200)
  async withdraw(@Param('id', UuidParam) id: string, @Body() dto: WithdrawEnrollmentDto, @CurrentCaller() caller: Caller): Promise<EnrollmentView> {
    await this.reachable(id, caller);
    return this.enrollments.withdraw(id, dto.reason);
  }

  /** The enrollment, when the caller reaches it (a participant only their own); Forbidden otherwise. */
  private async reachable(id: string, caller: Caller): Promise<EnrollmentView> {
    const enrollment = await this.enrollments.get(id);
    caller.assertReaches({ participantId: enrollment.participantId }, 'id');
    return enrollment;
  }
}

@Controller('batches')
export class BatchFillController {
  constructor(private readonly fills: FillService) {}

  @Get(':batchId/fill')
  @Operation('batches.fill')
  fill(@Param('batchId', UuidParam) batchId: string): Promise<BatchFillChanged> {
    return this.fills.get(batchId);
  }
}

@Controller('programmes')
export class ProgrammeFillController {
  constructor(private readonly fills: FillService) {}

  @Get(':programmeId/fill')
  @Operation('programmes.fill')
  fill(@Param('programmeId', UuidParam) programmeId: string): Promise<ProgrammeFillView> {
    return this.fills.ofProgramme(programmeId);
  }
}
