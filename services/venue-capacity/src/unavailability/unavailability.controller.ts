import { Body, Controller, Param, Post } from '@nestjs/common';
import type { UnavailabilityRecordedView } from '@sinergi/contracts';
import { RecordUnavailabilityDto } from './unavailability.dto';
import { UnavailabilityService } from './unavailability.service';
import { Caller, CurrentCaller, Operation } from '@sinergi/platform';

@Controller('venues/:venueCode/rooms/:roomCode/unavailability')
export class UnavailabilityController {
  constructor(private readonly unavailability: UnavailabilityService) {}

  @Post()
  @Operation('rooms.close')
  record(
    @Param('venueCode') venueCode: string,
    @Param('roomCode') roomCode: string,
    @Body() dto: RecordUnavailabilityDto,
    @CurrentCaller() caller: Caller,
  ): Promise<UnavailabilityRecordedView> {
    caller.assertReaches({ venueCodes: [venueCode] }, 'venueCode');
    return this.unavailability.record(venueCode, roomCode, dto);
  }
}
