/**
 * The system as an outsider sees it: the presence system posting signed events over HTTP, the
 * scheduler firing the nightly run, a mailbox, and staff using the dashboard API with a token.
 * Nothing here reaches into the store: what is asserted is what a user would notice.
 */
import { readFileSync } from 'node:fs';
import { postSigned } from '../../scripts/local/sign';
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system';

export interface Mail {
  messageId: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export interface Outside {
  system: LocalSystem;
  /** Posts `{ events }` signed as the presence system signs; returns status and JSON body. */
  send(events: unknown[]): Promise<{ status: number; body: Json }>;
  nightly(date: string): Promise<void>;
  /** Every mail delivered so far, oldest first. */
  mails(): Promise<Mail[]>;
  as(staffId: string): Promise<Api>;
  stop(): Promise<void>;
}

// Response bodies are read as the JSON the dashboard gets; each test asserts the shape it needs.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any;

export interface Api {
  get(path: string): Promise<{ status: number; body: Json }>;
  post(path: string, body: unknown): Promise<{ status: number; body: Json }>;
  /** A GET whose answer is not JSON (a CSV download): status and text as received. */
  text(path: string): Promise<{ status: number; text: string }>;
}

export async function startOutside(): Promise<Outside> {
  const system = await startLocalSystem({ port: 0, demo: false, env: { MAIL_GUARDIANS: 'off' } });
  await fetch(`${system.mailboxUrl}clear-store`, { method: 'POST' });
  const json = async (res: Response) => {
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    system,
    async send(events) {
      const delivery = await postSigned(system.webhookUrl, system.secret, JSON.stringify({ events }));
      return { status: delivery.status, body: JSON.parse(delivery.body) };
    },
    async nightly(date) {
      await system.invoke('nightly', { date });
    },
    async mails() {
      const res = await fetch(`${system.mailboxUrl}store`);
      const { emails } = (await res.json()) as { emails: Mail[] };
      return emails;
    },
    async as(staffId) {
      const signIn = await json(
        await fetch(`${system.baseUrl}/api/auth/local/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ staffId }),
        }),
      );
      if (signIn.status !== 200) throw new Error(`sign-in as ${staffId}: ${signIn.status}`);
      const headers = { authorization: `Bearer ${signIn.body.token}`, 'content-type': 'application/json' };
      return {
        get: async (path) => json(await fetch(`${system.baseUrl}${path}`, { headers })),
        text: async (path) => {
          const res = await fetch(`${system.baseUrl}${path}`, { headers });
          // arrayBuffer, not text(): text() would drop a byte-order mark the file starts with.
          return {
            status: res.status,
            text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()),
          };
        },
        post: async (path, body) =>
          json(
            await fetch(`${system.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
          ),
      };
    },
    stop: () => system.stop(),
  };
}

/** The contract's own example roster: one institution, department, team, coach, manager, officer and Sanne. */
export function exampleRoster(): unknown[] {
  const file = new URL('../fixtures/contract/roster.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] }).events;
}

let sequence = 0;

/** One lesson registration of the given student, as the presence system sends it. */
export function lesson(
  studentId: string,
  date: string,
  start: string,
  end: string,
  fields: Record<string, unknown> = {},
): unknown {
  sequence += 1;
  const registrationId = `acc-${studentId}-${date}-${start}`;
  return {
    id: `acc-evt-${sequence}`,
    type: 'registration.upserted',
    occurredAt: `${date}T${end}:00+01:00`,
    data: { registrationId, revision: 0, studentId, date, start, end, status: 'absent', ...fields },
  };
}

/** A school day of four 60-minute lessons, all missed with the given fields. */
export function absentDay(studentId: string, date: string, fields: Record<string, unknown> = {}): unknown[] {
  return ['08:30', '09:30', '10:45', '11:45'].map((start) => {
    const [h, m] = start.split(':').map(Number) as [number, number];
    const end = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    return lesson(studentId, date, start, end, fields);
  });
}
