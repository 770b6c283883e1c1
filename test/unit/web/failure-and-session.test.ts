import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Session from '../../../web/src/lib/session.svelte';
import type * as Failure from '../../../web/src/lib/views/failure.svelte';
import { loadRunes } from './runes';

let failure: typeof Failure;
let session: typeof Session;
beforeAll(async () => {
  failure = await loadRunes<typeof Failure>('lib/views/failure.svelte.ts');
  session = await loadRunes<typeof Session>('lib/session.svelte.ts');
});

/** An answer of the API as lib/api.ts throws it. */
const apiError = (status: number, code?: string, values?: Record<string, string>) =>
  Object.assign(new Error('raw English text'), { status, code, values });

describe('every failure reads as Dutch text, never the raw message', () => {
  it('a named refusal by its code', () => {
    expect(failure.failureText('nl', apiError(409, 'duo_route_x'))).toBe(
      'Een Route-X-melding gaat nooit naar DUO: het is de interne norm van de school.',
    );
    expect(failure.failureText('nl', apiError(409, 'report_already_handled'))).toBe(
      'Deze melding is al afgehandeld.',
    );
    expect(failure.failureText('nl', apiError(422, 'step_not_current', { step: 'a', current: 'b' }))).toBe(
      'Stap a is nu niet aan de beurt; eerst stap b.',
    );
  });

  it('"Failed to fetch" (no answer) and "Internal Server Error" (500)', () => {
    expect(failure.failureText('nl', new TypeError('Failed to fetch'))).toContain('Geen verbinding');
    expect(failure.failureText('nl', apiError(0, 'network'))).toContain('Geen verbinding');
    expect(failure.failureText('nl', apiError(500))).toContain('op de server');
    expect(failure.failureText('nl', apiError(502))).toContain('op de server');
  });

  it('an unnamed refusal by its status, and anything else without its message', () => {
    expect(failure.failureText('nl', apiError(400))).toContain('Niet alles is goed ingevuld');
    expect(failure.failureText('nl', apiError(409, 'some_new_code'))).toContain('Dit kan nu niet');
    const odd = failure.failureText('nl', new Error('Cannot read properties of undefined'));
    expect(odd).not.toContain('Cannot');
    expect(odd).toContain('Er ging iets mis');
    expect(failure.failureText('en', apiError(500))).toContain('on the server');
  });
});

/** A sessionStorage of our own (the unit tests run outside a browser). */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the sign-in: its lifetime and the page a link asked for', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'sessionStorage');
  });

  it("lasts for the token's own lifetime (its exp)", () => {
    const body = btoa(JSON.stringify({ sub: 'coach-a', exp: 1_900_000_000 })).replace(/=+$/, '');
    expect(session.expiryOf(`h.${body}.s`)).toBe(1_900_000_000_000);
    // Not a JWT: a working day from now.
    expect(session.expiryOf('opaque', 1000)).toBe(1000 + 8 * 3600 * 1000);
  });

  it('remembers a report or task link opened while signed out, and gives it once', () => {
    Object.assign(globalThis, { sessionStorage: fakeStorage() });
    session.rememberIntended('#/meldingen/r-a-01');
    expect(session.takeIntended()).toBe('#/meldingen/r-a-01');
    expect(session.takeIntended()).toBeNull();
    session.rememberIntended('#/taken/t-1');
    expect(session.takeIntended()).toBe('#/taken/t-1');
  });

  it('does not remember the start page or the sign-in page', () => {
    Object.assign(globalThis, { sessionStorage: fakeStorage() });
    for (const hash of ['', '#/', '#/aanmelden']) session.rememberIntended(hash);
    expect(session.takeIntended()).toBeNull();
  });
});
