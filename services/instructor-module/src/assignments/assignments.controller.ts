import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { FindAssignmentsQuery, WithdrawDto } from './assignment.dto';
import { Assignment } from './assignment.entity';
import { AssignmentsService, WithdrawalOutcome } from './assignments.service';

@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  find(@Query() query: FindAssignmentsQuery): Promise<Assignment[]> {
    return this.assignments.find(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Assignment> {
    return this.assignments.get(id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: WithdrawDto): Promise<WithdrawalOutcome> {
    return this.assignments.withdraw(id, dto.reason);
  }
}
