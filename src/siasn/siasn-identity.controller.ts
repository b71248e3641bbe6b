import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../identity/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { SiasnIdentityService } from './siasn-identity.service';

@ApiTags('siasn')
@ApiBearerAuth()
@AdminOnly()
@Controller('siasn/identities')
export class SiasnIdentityController {
  constructor(private readonly identities: SiasnIdentityService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import the SIASN identity mapping (ADMIN), all-or-nothing',
    description:
      'Rows { nip, siasnPnsId? , tmtJabatan?, rwJabatanId?, jabatanNama? }: the SIASN person id (`/pns/data-utama/{nip}` id) and/or ' +
      'the riwayat-jabatan id of a JF post starting on tmtJabatan (`/pns/rw-jabatan/{nip}`). JSON array, or CSV (text/csv) with those ' +
      'header columns. Re-importing a row replaces it. Any bad row or unknown NIP: 400 with every problem, nothing written.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          nip: { type: 'string', example: '198807192012071019' },
          siasnPnsId: { type: 'string', example: 'A8ACA7397AEB3912E040640A040269BB' },
          tmtJabatan: { type: 'string', format: 'date' },
          rwJabatanId: { type: 'string' },
          jabatanNama: { type: 'string' },
        },
        required: ['nip'],
      },
    },
  })
  @ApiResult('SiasnIdentityImportResult')
  import(@Body() body: unknown) {
    return this.identities.importRows(body, typeof body === 'string' ? 'CSV' : 'JSON');
  }

  @Get('gaps')
  @ApiOperation({
    summary: 'Who cannot be sent to SIASN and why (ADMIN)',
    description:
      'Employees in post on the date (PNS; PPPK too when SIASN_PPPK_PUSH=true): SIASN_ID_MISSING (nothing can be sent), ' +
      'RW_JABATAN_MISSING (a JF post without riwayat-jabatan id: no angka kredit).',
  })
  @ApiQuery({ name: 'on', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiResult('SiasnGapsReport')
  gaps(@Query('on') on?: string, @Query('unitCode') unitCode?: string) {
    return this.identities.gaps(on, unitCode);
  }
}
