import { Module } from '@nestjs/common';
import { isAbsolute, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { EvaluationModule } from '../evaluation.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';
import { LocalEvidenceStorage } from './local-evidence-storage';
import { S3EvidenceStorage } from './s3-evidence-storage';

/** The storage driver EVIDENCE_STORAGE names: a local directory (default) or an S3-compatible bucket. */
export function evidenceStorageFrom(config: AppConfig): EvidenceStorage {
  if (config.get('EVIDENCE_STORAGE') === 's3')
    return new S3EvidenceStorage({
      endpoint: config.get('S3_ENDPOINT'),
      region: config.get('S3_REGION'),
      bucket: config.get('S3_BUCKET'),
      accessKeyId: config.get('S3_ACCESS_KEY_ID'),
      secretAccessKey: config.get('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: config.get('S3_FORCE_PATH_STYLE') === 'true',
    });
  const dir = config.get('EVIDENCE_DIR');
  return new LocalEvidenceStorage(isAbsolute(dir) ? dir : resolve(process.cwd(), dir));
}

/** Evidence files (bukti dukung) of evaluations: upload, list, download, remove. */
@Module({
  imports: [EvaluationModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    { provide: EVIDENCE_STORAGE, useFactory: evidenceStorageFrom, inject: [AppConfig] },
  ],
})
export class EvidenceModule {}
