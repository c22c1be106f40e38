import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Agreement } from './agreement.entity';
import { AgreementsService } from './agreements.service';
import { AmendAgreementDto, EndAgreementDto } from './amend-agreement.dto';
import { SignAgreementDto } from './sign-agreement.dto';

@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post()
  sign(@Body() dto: SignAgreementDto): Promise<Agreement> {
    return this.agreements.sign(dto);
  }

  @Post(':id/amendments')
  amend(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AmendAgreementDto): Promise<Agreement> {
    return this.agreements.amend(id, dto);
  }

  @Post(':id/end')
  end(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EndAgreementDto): Promise<Agreement> {
    return this.agreements.end(id, dto);
  }

  @Get()
  list(): Promise<Agreement[]> {
    return this.agreements.list();
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Agreement> {
    return this.agreements.get(id);
  }
}
