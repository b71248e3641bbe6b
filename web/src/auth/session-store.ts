/**
 * The signed-in session: the API's JWT kept in sessionStorage (ends with the tab), its expiry from the
 * token's `exp`, and why it ended (logout or expiry) so Masuk can say so.
 */
const KEY = 'skp.session';
export type EndReason = 'expired' | 'logout' | null;
interface Stored {
  token: string;
  exp: number;
}

let ended: EndReason = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function expOf(token: string, fallbackSeconds: number): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (payload.exp) return payload.exp * 1000;
  } catch {
    /* not a JWT we can read: use the API's expiresIn */
  }
  return Date.now() + fallbackSeconds * 1000;
}

function notify() {
  for (const l of listeners) l();
}

function schedule() {
  clearTimeout(timer);
  const s = read();
  if (s) timer = setTimeout(() => session.expire(), Math.max(0, Math.min(s.exp - Date.now(), 2 ** 31 - 1)));
}

let snapshot: { token: string | null; ended: EndReason } = { token: null, ended: null };
function refresh() {
  const s = read();
  const token = s && s.exp > Date.now() ? s.token : null;
  if (snapshot.token !== token || snapshot.ended !== ended) snapshot = { token, ended };
}

export const session = {
  token(): string | null {
    refresh();
    return snapshot.token;
  },
  start(token: string, expiresInSeconds: number) {
    sessionStorage.setItem(KEY, JSON.stringify({ token, exp: expOf(token, expiresInSeconds) } satisfies Stored));
    ended = null;
    schedule();
    refresh();
    notify();
  },
  end(reason: Exclude<EndReason, null>) {
    if (!read()) return;
    sessionStorage.removeItem(KEY);
    clearTimeout(timer);
    ended = reason;
    refresh();
    notify();
  },
  expire() {
    session.end('expired');
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot() {
    refresh();
    return snapshot;
  },
};

schedule();
