/**
 * The attendance officer's and the front office's work on the tasks the demo's nights and
 * coaches made, so their worklists show every state: some done (with a note), some taken
 * ("in behandeling"), the rest still open; overdue or not as their due dates fall. Each task's
 * fate is a function of its id (seeded) and only tasks in another state are changed, so a
 * repeated run does nothing twice. Tasks with steps (cases) are left to `demo-acts.ts`.
 */
import { allPages, apiCaller, type Call, tokens } from './demo-coaches';
import { seeded } from './prng';

const SEED = 20260902;

type Fate = 'done' | 'taken' | 'open';

/** Who works on which kind, and how far: a DUO report is taken, never done (DUO's status decides). */
const WORK: Record<string, { staff: readonly string[]; done: number; taken: number; note: string }> = {
  correction: { staff: ['fo-1', 'fo-2'], done: 0.45, taken: 0.3, note: 'Registratie gecorrigeerd.' },
  officer_question: {
    staff: ['vb-1'],
    done: 0.45,
    taken: 0.3,
    note: 'Vraag beantwoord; coach gebeld.',
  },
  sick_pattern: { staff: ['vb-1'], done: 0.4, taken: 0.3, note: 'Gesprek over het ziekteverzuim gepland.' },
  suspension_check: { staff: ['vb-1'], done: 0.5, taken: 0.2, note: 'Schorsing gecontroleerd.' },
  duo_report: { staff: ['vb-1'], done: 0, taken: 0.5, note: '' },
};

export function taskFate(taskId: string, kind: string): { fate: Fate; staffId: string } | null {
  const work = WORK[kind];
  if (!work) return null;
  const r = seeded(SEED).fork(taskId);
  const roll = r.next();
  const fate: Fate = roll < work.done ? 'done' : roll < work.done + work.taken ? 'taken' : 'open';
  return { fate, staffId: r.pick(work.staff) };
}

interface Item {
  taskId: string;
  kind: string;
  status: string;
  owner: { staffId: string } | null;
}

/** Moves one task to its fate, taking it first; nothing when it is there already. */
async function work(call: Call, tokenOf: (staffId: string) => Promise<string>, item: Item) {
  const plan = taskFate(item.taskId, item.kind);
  if (!plan || plan.fate === 'open' || item.status === 'done') return;
  const path = `/tasks/${encodeURIComponent(item.taskId)}`;
  const token = await tokenOf(plan.staffId);
  if (!item.owner) await call(`${path}/owner`, token, { ownerId: plan.staffId });
  if (plan.fate === 'done')
    await call(`${path}/status`, token, { status: 'done', note: WORK[item.kind]?.note });
}

export async function officeWorks(apiUrl: string): Promise<void> {
  const call = apiCaller(apiUrl);
  const tokenOf = tokens(call);
  // The front office's pass does the corrections, the officer's everything else.
  for (const reader of ['vb-1', 'fo-1']) {
    const items = await allPages<Item>(call, '/worklist', await tokenOf(reader), 'items');
    items.sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
    for (const item of items) {
      if ((item.kind === 'correction') === (reader === 'vb-1')) continue;
      await work(call, tokenOf, item);
    }
  }
}
