import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BatchFillChanged, EnrollmentView, PROBLEM_CONTENT_TYPE, ProgrammeFillView } from '@sinergi/contracts';
import { InvalidInput, Operation, UuidParam } from '@sinergi/platform';
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
  ): Promise<object> {
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
  get(@Param('id', UuidParam) id: string): Promise<EnrollmentView> {
    return this.enrollments.get(id);
  }

  @Post(':id/confirm')
  @Operation('enrollments.confirm')
  @HttpCode(200)
  confirm(@Param('id', UuidParam) id: string): Promise<EnrollmentView> {
    return this.enrollments.confirm(id);
  }

  @Post(':id/withdraw')
  @Operation('enrollments.withdraw')
  @HttpCode(200)
  withdraw(@Param('id', UuidParam) id: string, @Body() dto: WithdrawEnrollmentDto): Promise<EnrollmentView> {
    return this.enrollments.withdraw(id, dto.reason);
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
