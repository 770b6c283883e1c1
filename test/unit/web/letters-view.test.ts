import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterRef } from '../../../shared/api/tasks';
import type * as Module from '../../../web/src/lib/views/letters.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/letters.svelte.ts');
});

const letter = (letterId: string, createdOn: string, name: string): LetterRef => ({
  letterId,
  kind: 'invitation',
  createdOn,
  taskId: `task-${letterId}`,
  student: { studentId: `s-${name}`, displayName: name, teamId: 't', coachId: 'c' },
  subject: `Uitnodiging voor een gesprek: ${name}`,
});

describe("the letter archive's period", () => {
  it("leaves an empty date to the API's default (this school year) and asks for exactly the dates set", () => {
    const f = new mod.LettersFilter({ from: '', to: '' });
    expect(f.query()).toEqual({ from: null, to: null });
    expect(f.hash()).toBe('#/brieven');
    f.from = '2027-01-01';
    expect(f.query()).toEqual({ from: '2027-01-01', to: null });
    f.to = '2027-01-31';
    expect(f.hash()).toBe('#/brieven?from=2027-01-01&to=2027-01-31');
  });

  it('refuses a period that ends before it starts, and accepts a single day', () => {
    const f = new mod.LettersFilter({ from: '2027-02-01', to: '2027-01-31' });
    expect(f.valid).toBe(false);
    f.to = '2027-02-01';
    expect(f.valid).toBe(true);
  });
});

describe("the letter archive's list", () => {
  it('shows the newest letters first, one day by student name', () => {
    const sorted = mod.lettersNewestFirst([
      letter('a', '2027-01-05', 'Sanne Smit'),
      letter('b', '2027-01-12', 'Bo Bakker'),
      letter('c', '2027-01-05', 'Anna Aalders'),
    ]);
    expect(sorted.map((l) => l.letterId)).toEqual(['b', 'c', 'a']);
  });
});
