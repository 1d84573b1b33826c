// The signed-in session: the access token and when it ends, the refresh token that continues it, kept in
// localStorage so that a reload keeps it and every tab shares it. The API client (api.ts) renews the access token
// with the refresh token before it ends or on a 401; when that fails, or when there is no refresh token, the session
// ends as "expired": the app then asks the person to sign in again (the cart lives elsewhere and is kept).

export interface Session {
  accessToken: string;
  expiresAt: number; // epoch ms, a little before the access token really ends
  refreshToken?: string;
  startedAt: number; // epoch ms of the sign-in; a renewal keeps it (what the session is, as opposed to its token)
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
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.accessToken !== 'string' || typeof s.expiresAt !== 'number') return null;
    return {
      accessToken: s.accessToken,
      expiresAt: s.expiresAt,
      refreshToken: typeof s.refreshToken === 'string' ? s.refreshToken : undefined,
      startedAt: typeof s.startedAt === 'number' ? s.startedAt : 0,
    };
  } catch {
    return null;
  }
}

function emit() {
  cached = undefined;
  listeners.forEach((l) => l());
}

/**
 * The current session, or null. A session whose access token is over stays while it has a refresh token (the API
 * client renews it on its next request); without one, its time being up counts as expired.
 */
export function getSession(now = Date.now()): Session | null {
  if (cached === undefined) cached = read();
  if (cached && !cached.refreshToken && cached.expiresAt <= now) {
    localStorage.removeItem(KEY);
    cached = null;
    expired = true;
  }
  return cached;
}

/** The session as another tab may have just written it: storage itself, not this tab's copy. */
export function storedSession(): Session | null {
  cached = undefined;
  return getSession();
}

/** Whether the access token should be renewed before it is sent. */
export function accessTokenOver(session: Session, now = Date.now()): boolean {
  return session.expiresAt <= now;
}

function sessionOf(accessToken: string, expiresInSeconds: number, refreshToken: string | undefined, startedAt: number, now: number): Session {
  // a little early, so that a token is not sent in its last seconds
  return { accessToken, expiresAt: now + Math.max(0, expiresInSeconds - 10) * 1000, refreshToken, startedAt };
}

export function startSession(accessToken: string, expiresInSeconds: number, refreshToken?: string, now = Date.now()) {
  localStorage.setItem(KEY, JSON.stringify(sessionOf(accessToken, expiresInSeconds, refreshToken, now, now)));
  expired = false;
  emit();
}

/**
 * Stores the tokens a refresh gave, if the session is still the one whose refresh token `used` was (not signed out
 * or signed in anew meanwhile, here or in another tab). The renewed session, or null when it was not stored.
 */
export function renewSession(used: string, accessToken: string, expiresInSeconds: number, refreshToken: string, now = Date.now()): Session | null {
  const current = storedSession();
  if (!current || current.refreshToken !== used) return null;
  const renewed = sessionOf(accessToken, expiresInSeconds, refreshToken, current.startedAt, now);
  localStorage.setItem(KEY, JSON.stringify(renewed));
  expired = false;
  emit();
  return renewed;
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

// Another tab signed in, renewed the tokens or signed out: read storage again, and tell the subscribers.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e: StorageEvent) => {
    if (e.key === KEY || e.key === null) emit();
  });
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
