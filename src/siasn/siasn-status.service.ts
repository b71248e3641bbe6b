import { Injectable } from '@nestjs/common';
import { SiasnPushRepository } from './siasn-push.repository';
import type { SiasnOutboxState, SiasnStatusView } from './siasn-push.views';
import { SiasnSettings } from './siasn-settings';

const STATES: SiasnOutboxState[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SUPERSEDED'];

/** The reason shown on the console while nothing is sent (screens in Bahasa Indonesia). */
export const SIASN_DISABLED_REASON =
  'SIASN belum diaktifkan: data tetap masuk antrean kirim (Menunggu) dan baru dikirim setelah koneksi SIASN diaktifkan';

/** Host of a URL without user, password, path or query; null when it does not parse. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/**
 * The exchange's state for the console (spec 04 §8.5): whether SIASN is enabled (and why not), the
 * update mode, where it points (host only: the credentials never leave the settings) and the outbox.
 */
@Injectable()
export class SiasnStatusService {
  constructor(
    private readonly repo: SiasnPushRepository,
    private readonly settings: SiasnSettings,
  ) {}

  async status(): Promise<SiasnStatusView> {
    const byState = await this.repo.countsAll();
    const lastAttemptAt = await this.repo.lastAttemptAt();
    const counts = Object.fromEntries(STATES.map((s) => [s, byState[s] ?? 0])) as Record<SiasnOutboxState, number>;
    return {
      enabled: this.settings.enabled,
      reason: this.settings.enabled ? null : SIASN_DISABLED_REASON,
      updateMode: this.settings.rules.updateMode,
      baseUrlHost: hostOf(this.settings.transport.baseUrl),
      counts,
      lastAttemptAt,
    };
  }
}
