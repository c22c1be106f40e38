import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Operation, PageQuery, UuidParam } from '@sinergi/platform';
import type { AgreementPage, AgreementView } from '@sinergi/contracts';
import { agreementView } from './agreement.views';
import { AgreementsService } from './agreements.service';
import { AmendAgreementDto, EndAgreementDto } from './amend-agreement.dto';
import { SignAgreementDto } from './sign-agreement.dto';

@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post()
  @Operation('agreements.create')
  async sign(@Body() dto: SignAgreementDto): Promise<AgreementView> {
    return agreementView(await this.agreements.sign(dto));
  }

  @Post(':id/amendments')
  @Operation('agreements.amend')
  async amend(@Param('id', UuidParam) id: string, @Body() dto: AmendAgreementDto): Promise<AgreementView> {
    return agreementView(await this.agreements.amend(id, dto));
  }

  @Post(':id/end')
  @Operation('agreements.end')
  async end(@Param('id', UuidParam) id: string, @Body() dto: EndAgreementDto): Promise<AgreementView> {
    return agreementView(await this.agreements.end(id, dto));
  }

  @Get()
  @Operation('agreements.list')
  async list(@Query() query: PageQuery): Promise<AgreementPage> {
    return this.agreements.list(query);
  }

  @Get(':id')
  @Operation('agreements.get')
  async get(@Param('id', UuidParam) id: string): Promise<AgreementView> {
    return agreementView(await this.agreements.get(id));
  }
}
