import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ContractDecisionDto, ContractReviewQuery, PutContractDto } from './dto/pppk.dto';
import { PppkContractsService } from './pppk-contracts.service';

/** PPPK perjanjian kerja and their review six months before the end (04 §6, PP 49/2018 Pasal 37). */
@ApiTags('pppk')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('pppk')
export class PppkController {
  constructor(private readonly contracts: PppkContractsService) {}

  @Get('contracts/:nip')
  @ApiOperation({
    summary: 'The PPPK contract in force, earlier contracts, reviews and problems of an employee (ADMIN)',
  })
  @ApiResult('PppkContractDetail')
  detail(@Param('nip') nip: string) {
    return this.contracts.detail(nip);
  }

  @Put('contracts/:nip')
  @ApiOperation({
    summary:
      'Record or correct the contract in force (ADMIN, audited): endsOn null = not known (listed as a problem); 409 once its review exists; 422 for a non-PPPK',
  })
  @ApiResult('PppkContractDetail')
  put(@Param('nip') nip: string, @Body() dto: PutContractDto) {
    return this.contracts.put(nip, dto);
  }

  @Get('contract-reviews')
  @ApiOperation({
    summary:
      'Contract reviews proposed by the pppk.contract-review job (proposal, explanation, warnings, decision) and the PPPK whose contract end is missing (ADMIN)',
  })
  @ApiResult('ContractReviewList')
  list(@Query() q: ContractReviewQuery) {
    return this.contracts.list(q);
  }

  @Post('contract-reviews/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide a proposal (ADMIN for the PPK, audited): EXTEND with newEndDate (the next contract) or NOT_EXTENDED (outcome CONTRACT_NOT_EXTENDED); a reason when departing from the proposal; 409 on a second decision',
  })
  @ApiResult('ContractReviewView')
  decide(@Param('id') id: string, @Body() dto: ContractDecisionDto) {
    return this.contracts.decide(id, dto);
  }
}
