import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, PageQuery, UuidParam } from '@sinergi/platform';
import { ParticipantLookupDto, RegisterParticipantDto } from './participant.dto';
import type { EnrollmentView, Page, ParticipantLookupView, ParticipantView } from '@sinergi/contracts';
import { ParticipantsService } from './participants.service';

@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Operation('participants.register')
  register(@Body() dto: RegisterParticipantDto): Promise<ParticipantView> {
    return this.participants.register(dto);
  }

  /** Whose phone or e-mail this is, for the gateway's sign-in codes; 404 when nobody registered it. */
  @Post('lookup')
  @HttpCode(200)
  @Operation('participants.lookup')
  lookup(@Body() dto: ParticipantLookupDto): Promise<ParticipantLookupView> {
    return this.participants.lookup(dto.identifier);
  }

  @Get(':id')
  @Operation('participants.get')
  get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<ParticipantView> {
    caller.assertReaches({ participantId: id }, 'id');
    return this.participants.get(id, caller.masked);
  }

  @Get(':participantId/enrollments')
  @Operation('participants.enrollments')
  enrollments(@Param('participantId', UuidParam) participantId: string, @Query() page: PageQuery, @CurrentCaller() caller: Caller): Promise<Page<EnrollmentView>> {
    caller.assertReaches({ participantId }, 'participantId');
    return this.participants.enrollmentsOf(participantId, page);
  }
}
