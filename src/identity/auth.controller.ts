import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiKeyService } from './api-key.service';
import { Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { actorLabel, Principal } from './principal';
import { ApiNoContent, ApiResult } from '../openapi/api-result.decorator';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with NIP and password; returns a JWT (HS256, expires after JWT_TTL_SECONDS)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong NIP or password' })
  @ApiTooManyRequestsResponse({
    description:
      'too many attempts for this account, from this address, or from this address across accounts; wait Retry-After seconds',
    headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
  })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<LoginResponseDto> {
    return this.auth.login(dto.nip, dto.password, req.ip);
  }

  @Get('auth/me')
  @ApiBearerAuth()
  @ApiResult('Principal')
  me(@CurrentPrincipal() p: Principal) {
    return p;
  }

  @Roles('ADMIN')
  @Post('api-keys')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an API key for a machine client; the key is shown once' })
  @ApiResult('CreatedApiKey', 201, 'Created')
  createKey(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() p: Principal) {
    return this.apiKeys.create(dto.name, dto.scopes, actorLabel(p).actor);
  }

  @Roles('ADMIN')
  @Get('api-keys')
  @ApiBearerAuth()
  @ApiResult('ApiKeyList')
  async listKeys() {
    const keys = await this.apiKeys.list();
    return { items: keys.map(({ keyHash: _h, ...rest }) => rest), nextCursor: null };
  }

  @Roles('ADMIN')
  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContent()
  async revokeKey(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
