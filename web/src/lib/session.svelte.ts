const KEY = 'presentie.session';
/** Where a signed-out visitor was going (a mail's link), kept through the sign-in. */
const INTENDED = 'presentie.intended';

interface Stored {
  token: string;
  /** Epoch milliseconds: the token's own `exp`. */
  expiresAt: number;
}

/** The token's `exp` in epoch milliseconds (a token without one lasts 8 hours from now). */
export function expiryOf(token: string, now = Date.now()): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    if (typeof json.exp === 'number') return json.exp * 1000;
  } catch {
    // not a JWT: fall through
  }
  return now + 8 * 60 * 60 * 1000;
}

/** The stored sign-in, if it has not expired (an expired one is removed). */
function stored(): string | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const { token, expiresAt } = JSON.parse(raw) as Stored;
    if (typeof token === 'string' && expiresAt > Date.now()) return token;
    localStorage.removeItem(KEY);
  } catch {
    // private mode or a damaged entry: not signed in
  }
  return null;
}

/**
 * The signed-in user's token, shared by every tab of the dashboard for the token's lifetime
 * (localStorage with its expiry). Signing in or out in one tab does the same in the others
 * (the `storage` event); at its expiry the tab signs out by itself.
 */
class Session {
  token = $state<string | null>(stored());
  signedIn = $derived(this.token !== null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listeners: (() => void)[] = [];

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('storage', (event) => {
      if (event.key === KEY || event.key === null) this.#adopt(stored());
    });
    this.#adopt(this.token);
  }

  signIn(token: string) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ token, expiresAt: expiryOf(token) } satisfies Stored));
    } catch {
      // private mode: this tab only
    }
    this.#adopt(token);
  }

  signOut() {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
    this.#adopt(null);
  }

  /** Called whenever the signed-in user changes (here or in another tab). */
  onChange(listener: () => void) {
    this.#listeners.push(listener);
  }

  #adopt(token: string | null) {
    const changed = token !== this.token;
    this.token = token;
    if (changed) for (const listener of this.#listeners) listener();
    clearTimeout(this.#timer);
    if (token === null) return;
    // setTimeout holds at most ~24.8 days; a longer-lived token is checked again then.
    const wait = Math.min(expiryOf(token) - Date.now(), 2 ** 31 - 1);
    this.#timer = setTimeout(() => this.#adopt(stored()), Math.max(wait, 0));
  }
}

export const session = new Session();

/**
 * Remembers the page a signed-out visitor asked for (a link in a mail), so the sign-in lands
 * there; the start page and the sign-in page are not worth remembering.
 */
export function rememberIntended(hash: string): void {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/' || path.startsWith('/aanmelden')) return;
  try {
    sessionStorage.setItem(INTENDED, hash);
  } catch {
    // private mode: the sign-in lands on the start page
  }
}

/** The page remembered before sign-in, once (it is forgotten as it is given). */
export function takeIntended(): string | null {
  try {
    const hash = sessionStorage.getItem(INTENDED);
    sessionStorage.removeItem(INTENDED);
    return hash;
  } catch {
    return null;
  }
}
