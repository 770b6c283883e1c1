const KEY = 'presentie.token';

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The signed-in user's token, kept for the browser tab only. */
class Session {
  token = $state<string | null>(stored());
  signedIn = $derived(this.token !== null);

  signIn(token: string) {
    this.token = token;
    sessionStorage.setItem(KEY, token);
  }

  signOut() {
    this.token = null;
    sessionStorage.removeItem(KEY);
  }
}

export const session = new Session();
