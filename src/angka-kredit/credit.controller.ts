import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../common/domain-errors';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { CreditOpeningService } from './credit-opening.service';
import { CreditService } from './credit.service';
import { CreditEducationDto, CreditOpeningDto } from './dto/credit.dto';
import { ApiFile, ApiResult } from '../openapi/api-result.decorator';

@ApiTags('angka kredit')
@ApiBearerAuth()
@Controller('employees/:nip/credit')
export class CreditController {
  constructor(
    private readonly credit: CreditService,
    private readonly openings: CreditOpeningService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'AK ledger: entries, balance, next step with threshold, shortfall, eligibility and unmet conditions, warnings (KJ_BELOW_AKK, CASE_C_CATCH_UP); a PPPK’s ledger is `informational` (no kenaikan pangkat; AK_PPPK_LEDGER)',
  })
  @ApiResult('CreditView')
  get(@CurrentPrincipal() p: Principal, @Param('nip') nip: string) {
    return this.credit.view(p, nip);
  }

  @Roles('ADMIN')
  @Post('opening')
  @ApiOperation({
    summary:
      'Opening entry computed by the rules: INTEGRASI (from a conventional total), AK_DASAR, or an entry into the JF (04 §4) by PENGANGKATAN_PERTAMA, PERPINDAHAN, PENYESUAIAN, PROMOSI or PENGANGKATAN_KEMBALI from the route’s inputs (ak.opening with the annex tables in force); a missing input is a 400 naming the field',
  })
  @ApiResult('CreditOpeningResult', 201, 'Created')
  opening(@CurrentPrincipal() p: Principal, @Param('nip') nip: string, @Body() dto: CreditOpeningDto) {
    return this.openings.add(p, nip, dto);
  }

  @Roles('ADMIN')
  @Post('education')
  @ApiOperation({ summary: '+25 % entry for a higher degree (once per degree)' })
  @ApiResult('CreditEducationResult', 201, 'Created')
  education(@CurrentPrincipal() p: Principal, @Param('nip') nip: string, @Body() dto: CreditEducationDto) {
    return this.credit.addEducation(p, nip, dto);
  }

  @Get('pak/:file')
  @ApiOperation({
    summary: 'Penetapan Angka Kredit (PerBKN 3/2023 Lampiran II angka 12) for a year, as PDF: /credit/pak/2026.pdf',
  })
  @ApiFile('application/pdf', 'PAK document (PDF)')
  async pak(
    @CurrentPrincipal() p: Principal,
    @Param('nip') nip: string,
    @Param('file') file: string,
    @Res() reply: FastifyReply,
  ) {
    const m = /^(\d{4})\.pdf$/.exec(file);
    if (!m || Number(m[1]) < 2023 || Number(m[1]) > 2100) throw new NotFoundError('Dokumen PAK');
    const pdf = await this.credit.pak(p, nip, Number(m[1]));
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="PAK-${nip}-${m[1]}.pdf"`)
      .send(pdf);
  }
}
