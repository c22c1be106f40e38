import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, CurrentCaller, Operation, UuidParam } from '@sinergi/platform';
import type { AssignmentPage, AssignmentView, AssignmentWithdrawalView } from '@sinergi/contracts';
import { FindAssignmentsQuery, WithdrawDto } from './assignment.dto';
import { assignmentView } from './assignment.views';
import { AssignmentsService } from './assignments.service';

@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Operation('assignments.list')
  find(@Query() query: FindAssignmentsQuery, @CurrentCaller() caller: Caller): Promise<AssignmentPage> {
    return this.assignments.find(query, caller);
  }

  @Get(':id')
  @Operation('assignments.get')
  async get(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<AssignmentView> {
    return assignmentView(await this.assignments.get(id, caller));
  }

  @Post(':id/withdraw')
  @Operation('assignments.withdraw')
  @HttpCode(200)
  withdraw(@Param('id', UuidParam) id: string, @Body() dto: WithdrawDto, @CurrentCaller() caller: Caller): Promise<AssignmentWithdrawalView> {
    return this.assignments.withdraw(id, dto.reason, caller);
  }
}
