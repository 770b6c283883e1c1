import { parseHash } from './routes';

/** The current hash route; pages read `router.route`, links are plain `href="#/..."`. */
class Router {
  hash = $state(typeof location === 'undefined' ? '' : location.hash);
  route = $derived(parseHash(this.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.hash = location.hash;
      });
    }
  }

  go(hash: string) {
    if (location.hash === hash) this.hash = hash;
    else location.hash = hash;
  }
}

export const router = new Router();
