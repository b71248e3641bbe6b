import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Login attempts are counted per client address and NIP together. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const nip = typeof req.body?.nip === 'string' ? req.body.nip : '-';
    return `${req.ip}|${nip}`;
  }
}
