import { Controller, Get, Query } from '@nestjs/common';
import type { UtilisationView } from '@sinergi/contracts';
import { UtilisationQuery } from './utilisation.query';
import { UtilisationService } from './utilisation.service';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';

@Controller('utilisation')
export class UtilisationController {
  constructor(private readonly utilisation: UtilisationService) {}

  /** Reserved vs available room-days per venue, per province and per day. */
  @Get()
  @Operation('utilisation.get')
  of(@Query() query: UtilisationQuery, @CurrentCaller() caller: Caller): Promise<UtilisationView> {
    return this.utilisation.of(query, caller);
  }
}
