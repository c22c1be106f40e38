import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import type { VenuePage, VenueState } from '@sinergi/contracts';
import { FindVenuesQuery, RegisterVenueDto, VenueDetailsDto } from './venue.dto';
import { VenuesService } from './venues.service';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';

@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post()
  @Operation('venues.register')
  register(@Body() dto: RegisterVenueDto): Promise<VenueState> {
    return this.venues.register(dto);
  }

  @Put(':venueCode')
  @Operation('venues.update')
  replace(@Param('venueCode') venueCode: string, @Body() dto: VenueDetailsDto, @CurrentCaller() caller: Caller): Promise<VenueState> {
    caller.assertReaches({ venueCodes: [venueCode] }, 'venueCode');
    return this.venues.replace(venueCode, dto);
  }

  @Get()
  @Operation('venues.list')
  list(@Query() query: FindVenuesQuery): Promise<VenuePage> {
    return this.venues.list(query);
  }

  @Get(':venueCode')
  @Operation('venues.get')
  get(@Param('venueCode') venueCode: string): Promise<VenueState> {
    return this.venues.get(venueCode);
  }
}
