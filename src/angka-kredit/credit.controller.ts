import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Principal } from '../identity/principal';
import { CreditService } from './credit.service';
import { CreditEducationDto, CreditOpeningDto } from './dto/credit.dto';

@ApiTags('angka kredit')
@ApiBearerAuth()
@Controller('employees/:nip/credit')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get()
  @ApiOperation({ summary: 'AK ledger: entries, balance, next step with threshold, shortfall, eligibility and unmet conditions' })
  get(@CurrentPrincipal() p: Principal, @Param('nip') nip: string) {
    return this.credit.view(p, nip);
  }

  @Roles('ADMIN')
  @Post('opening')
  @ApiOperation({ summary: 'Opening entry (INTEGRASI from a conventional total, or AK_DASAR), computed by the rules' })
  opening(@CurrentPrincipal() p: Principal, @Param('nip') nip: string, @Body() dto: CreditOpeningDto) {
    return this.credit.addOpening(p, nip, dto);
  }

  @Roles('ADMIN')
  @Post('education')
  @ApiOperation({ summary: '+25 % entry for a higher degree (once per degree)' })
  education(@CurrentPrincipal() p: Principal, @Param('nip') nip: string, @Body() dto: CreditEducationDto) {
    return this.credit.addEducation(p, nip, dto);
  }
}
