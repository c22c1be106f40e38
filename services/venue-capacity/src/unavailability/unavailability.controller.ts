import { Body, Controller, Param, Post } from '@nestjs/common';
import { RecordUnavailabilityDto } from './unavailability.dto';
import { UnavailabilityRecorded, UnavailabilityService } from './unavailability.service';

@Controller('venues/:venueCode/rooms/:roomCode/unavailability')
export class UnavailabilityController {
  constructor(private readonly unavailability: UnavailabilityService) {}

  @Post()
  record(@Param('venueCode') venueCode: string, @Param('roomCode') roomCode: string, @Body() dto: RecordUnavailabilityDto): Promise<UnavailabilityRecorded> {
    return this.unavailability.record(venueCode, roomCode, dto);
  }
}
