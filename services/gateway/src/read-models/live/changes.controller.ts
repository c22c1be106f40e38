import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '@sinergi/contracts';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';
import { ApiProblems, PROBLEM_SCHEMA } from '../../api/api-problems';
import { LiveStreams } from './live-streams';

@ApiTags('dashboard')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/dashboard')
export class DashboardChangesController {
  constructor(private readonly streams: LiveStreams) {}

  @Get('changes')
  @Operation('dashboard.changes')
  @ApiOperation({
    operationId: 'dashboard.changes',
    summary: 'Live changes of the dashboards (server-sent events)',
    description:
      'An event `change` whose data is a DashboardChange JSON each time the read models commit a change the caller may see ' +
      '(bursts coalesced: at most one per kind and programme every 250 ms), a comment every 15 s, and `retry: 3000`.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream, open until the client leaves',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiResponse({
    status: 503,
    description: 'This server holds as many live streams as it may',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
  })
  changes(@Res() response: Response, @CurrentCaller() caller: Caller): void {
    // The access guard let only a signed-in principal through.
    this.streams.start(response, caller.principal!);
  }
}
