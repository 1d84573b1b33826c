// The signed-in session: the access token and when it ends, kept in localStorage so that a reload keeps it.
// An answer 401 to a request that carried the token ends the session as "expired": the app then asks the person
// to sign in again (the cart lives elsewhere and is kept).

export interface Session {
  accessToken: string;
  expiresAt: number; // epoch ms
}

const KEY = 'pizzeria.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let expired = false;
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return typeof s.accessToken === 'string' && typeof s.expiresAt === 'number' ? s : null;
  } catch {
    return null;
  }
}

function emit() {
  cached = undefined;
  listeners.forEach((l) => l());
}

/** The current session, or null (also when its time is up, which counts as expired). */
export function getSession(now = Date.now()): Session | null {
  if (cached === undefined) cached = read();
  if (cached && cached.expiresAt <= now) {
    localStorage.removeItem(KEY);
    cached = null;
    expired = true;
  }
  return cached;
}

export function startSession(accessToken: string, expiresInSeconds: number, now = Date.now()) {
  // a little early, so that a token is not sent in its last seconds
  const session: Session = { accessToken, expiresAt: now + Math.max(0, expiresInSeconds - 10) * 1000 };
  localStorage.setItem(KEY, JSON.stringify(session));
  expired = false;
  emit();
}

export function endSession() {
  localStorage.removeItem(KEY);
  expired = false;
  emit();
}

export function expireSession() {
  localStorage.removeItem(KEY);
  expired = true;
  emit();
}

export function sessionExpired(): boolean {
  return expired;
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) emit();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
