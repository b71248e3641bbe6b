import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { assertSafeKey, EvidenceStorage } from './evidence-storage';

export interface S3EvidenceOptions {
  /** Any S3 API (MinIO, Ceph, a cloud's); empty for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `http://host/bucket/key` (MinIO and most S3-compatible servers) instead of `http://bucket.host/key`. */
  forcePathStyle: boolean;
}

/** Evidence files in an S3-compatible bucket (AWS SDK v3, Signature V4). */
export class S3EvidenceStorage implements EvidenceStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3EvidenceOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint || undefined,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // Checksums only where the API requires them: not every S3-compatible server knows the newer headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        ContentLength: data.length,
        // The server refuses a body that does not match (Content-MD5 is what every S3 API checks).
        ContentMD5: createHash('md5').update(data).digest('base64'),
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertSafeKey(key);
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject returned no stream');
    return out.Body;
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  destroy(): void {
    this.client.destroy();
  }
}
