import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import type { AssignmentView, AssignmentWithdrawalView } from '@sinergi/contracts';
import { FindAssignmentsQuery, WithdrawDto } from './assignment.dto';
import { assignmentView } from './assignment.views';
import { AssignmentsService } from './assignments.service';

@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Operation('assignments.list')
  async find(@Query() query: FindAssignmentsQuery): Promise<AssignmentView[]> {
    return (await this.assignments.find(query)).map(assignmentView);
  }

  @Get(':id')
  @Operation('assignments.get')
  async get(@Param('id', UuidParam) id: string): Promise<AssignmentView> {
    return assignmentView(await this.assignments.get(id));
  }

  @Post(':id/withdraw')
  @Operation('assignments.withdraw')
  @HttpCode(200)
  withdraw(@Param('id', UuidParam) id: string, @Body() dto: WithdrawDto): Promise<AssignmentWithdrawalView> {
    return this.assignments.withdraw(id, dto.reason);
  }
}
