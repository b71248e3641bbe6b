import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Roles } from '../../identity/auth.decorators';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Principal } from '../../identity/principal';
import { ApiFile, ApiNoContent, ApiResult } from '../../openapi/api-result.decorator';
import { attachmentHeader } from './evidence-file';
import { readEvidenceUpload } from './evidence-upload';
import { EvidenceService } from './evidence.service';

const P = 'skp/:id/evaluations/:period/evidence';

@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('ADMIN', 'EMPLOYEE')
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly config: AppConfig,
  ) {}

  @Post(P)
  @ApiOperation({
    summary:
      'Employee: upload one evidence file (bukti dukung) while realisations are open; PDF, PNG, JPEG, DOCX or XLSX by content, at most EVIDENCE_MAX_BYTES (default 10 MB); SHA-256 stored',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiResult('EvidenceView', 201, 'Stored')
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Req() req: FastifyRequest,
  ) {
    const file = await readEvidenceUpload(req, this.config.get('EVIDENCE_MAX_BYTES'));
    return this.evidence.upload(p, id, period, file);
  }

  @Get(P)
  @ApiOperation({ summary: 'The evidence files of an evaluation (whoever may see the evaluation)' })
  @ApiResult('EvidenceList')
  list(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('period') period: string) {
    return this.evidence.list(p, id, period);
  }

  @Get(`${P}/:evidenceId`)
  @ApiOperation({ summary: 'Download one evidence file (attachment, with its sniffed content type)' })
  @ApiFile('application/octet-stream', 'The file as uploaded')
  async download(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Param('evidenceId') evidenceId: string,
    @Res() reply: FastifyReply,
  ) {
    const { row, stream } = await this.evidence.open(p, id, period, evidenceId);
    return reply
      .status(200)
      .header('content-type', row.contentType)
      .header('content-length', String(row.sizeBytes))
      .header('content-disposition', attachmentHeader(row.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  }

  @Delete(`${P}/:evidenceId`)
  @HttpCode(204)
  @ApiOperation({ summary: 'Employee: remove an evidence file while realisations are open' })
  @ApiNoContent()
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('period') period: string,
    @Param('evidenceId') evidenceId: string,
  ): Promise<void> {
    await this.evidence.remove(p, id, period, evidenceId);
  }
}
