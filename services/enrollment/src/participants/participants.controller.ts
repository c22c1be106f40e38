import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Operation, UuidParam } from '@sinergi/platform';
import { RegisterParticipantDto } from './participant.dto';
import type { ParticipantView } from '@sinergi/contracts';
import { ParticipantsService } from './participants.service';

@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Operation('participants.register')
  register(@Body() dto: RegisterParticipantDto): Promise<ParticipantView> {
    return this.participants.register(dto);
  }

  @Get(':id')
  @Operation('participants.get')
  get(@Param('id', UuidParam) id: string): Promise<ParticipantView> {
    return this.participants.get(id);
  }
}
