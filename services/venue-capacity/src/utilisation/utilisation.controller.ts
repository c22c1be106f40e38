import { Controller, Get, Query } from '@nestjs/common';
import { UtilisationQuery } from './utilisation.query';
import { Utilisation } from './utilisation.rules';
import { UtilisationService } from './utilisation.service';

@Controller('utilisation')
export class UtilisationController {
  constructor(private readonly utilisation: UtilisationService) {}

  /** Reserved vs available room-days per venue, per province and per day. */
  @Get()
  of(@Query() query: UtilisationQuery): Promise<Utilisation> {
    return this.utilisation.of(query);
  }
}
