import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import type { VenueState } from '@sinergi/contracts';
import { FindVenuesQuery, RegisterVenueDto, VenueDetailsDto } from './venue.dto';
import { VenuesService } from './venues.service';
import { Operation } from '@sinergi/platform';

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
  replace(@Param('venueCode') venueCode: string, @Body() dto: VenueDetailsDto): Promise<VenueState> {
    return this.venues.replace(venueCode, dto);
  }

  @Get()
  @Operation('venues.list')
  list(@Query() query: FindVenuesQuery): Promise<VenueState[]> {
    return this.venues.list(query.provinceCode);
  }

  @Get(':venueCode')
  @Operation('venues.get')
  get(@Param('venueCode') venueCode: string): Promise<VenueState> {
    return this.venues.get(venueCode);
  }
}
