import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../common/domain-errors';
import { AccountsService } from './accounts.service';
import { Roles } from './auth.decorators';
import { CurrentPrincipal } from './current-principal.decorator';
import { AccountViewDto, ChangeOwnPasswordDto, SetPasswordDto, UpdateAccountDto } from './dto/account.dto';
import { Principal } from './principal';

const nipParam = (nip: string): string => {
  if (!/^\d{18}$/.test(nip))
    throw new InvalidInputError('NIP tidak valid / invalid NIP', [{ field: 'nip', problem: 'must be 18 digits' }]);
  return nip;
};

@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Roles('ADMIN')
  @Get('accounts/:nip')
  @ApiParam({ name: 'nip', example: '199001012020011001' })
  @ApiOkResponse({ type: AccountViewDto })
  get(@Param('nip') nip: string) {
    return this.accounts.get(nipParam(nip));
  }

  @Roles('ADMIN')
  @Patch('accounts/:nip')
  @ApiOperation({
    summary: 'ADMIN: disable/enable an account or change its role; its existing tokens stop working at once',
  })
  @ApiParam({ name: 'nip', example: '199001012020011001' })
  @ApiOkResponse({ type: AccountViewDto })
  update(@Param('nip') nip: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.update(nipParam(nip), dto);
  }

  @Roles('ADMIN')
  @Put('accounts/:nip/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'ADMIN: set a new password for an account; its existing tokens stop working at once' })
  @ApiParam({ name: 'nip', example: '199001012020011001' })
  @ApiNoContentResponse()
  async setPassword(@Param('nip') nip: string, @Body() dto: SetPasswordDto): Promise<void> {
    await this.accounts.setPassword(nipParam(nip), dto.newPassword);
  }

  @Post('auth/password')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change one’s own password (throttled like the login); every token of the account, this one included, stops working',
  })
  @ApiNoContentResponse()
  async changeOwn(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChangeOwnPasswordDto,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    if (p.kind !== 'user') throw new InvalidInputError('Hanya untuk akun orang / people only');
    await this.accounts.changeOwn(p.nip, dto.currentPassword, dto.newPassword, req.ip);
  }
}
