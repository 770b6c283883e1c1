import { describe, expect, it } from 'vitest';
import { coachChoice, TEAM_HABITS } from '../../../scripts/local/demo-coaches';
import { taskFate } from '../../../scripts/local/demo-office';

const ids = Array.from({ length: 400 }, (_, i) => `rep-demo-${i}`);
const choices = (teamId: string, extra: { mayGoToDuo?: boolean; routeX?: boolean } = {}) =>
  ids.map((reportId) =>
    coachChoice({ reportId, teamId, mayGoToDuo: extra.mayGoToDuo ?? true, routeX: extra.routeX ?? false }),
  );
const handledShare = (teamId: string) => choices(teamId).filter((c) => c !== null).length / ids.length;

describe("the demo's coaches between the nights", () => {
  it('choose the same for the same report every time', () => {
    expect(choices('team-log-2')).toEqual(choices('team-log-2'));
  });

  it('handle most reports, some teams nearly all and some far fewer', () => {
    const shares = Object.keys(TEAM_HABITS).map(handledShare);
    expect(shares.filter((s) => s > 0.95).length).toBeGreaterThan(0);
    expect(shares.filter((s) => s < 0.8).length).toBeGreaterThan(0);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.8);
  });

  it('act mostly the same day or the next, a few of them some nights late', () => {
    const delays = choices('team-bouw-2').flatMap((c) => (c ? [c.delay] : []));
    expect(delays.filter((d) => d <= 1).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d >= 3).length).toBeGreaterThan(0);
    expect(delays.every((d) => d >= 0 && d <= 6)).toBe(true);
  });

  it('use each of the five actions, never DUO for a Route-X report or one without a legal report', () => {
    const actions = new Set(choices('team-ict-4').map((c) => c?.action));
    expect(actions).toEqual(
      new Set(['coach_conversation', 'duo', 'correction', 'officer_question', 'officer_conversation']),
    );
    expect(choices('team-ict-4', { routeX: true }).some((c) => c?.action === 'duo')).toBe(false);
    expect(choices('team-ict-4', { mayGoToDuo: false }).some((c) => c?.action === 'duo')).toBe(false);
  });
});

describe("the demo's officer and front office", () => {
  it('leave tasks done, taken and open, a DUO report never done by hand', () => {
    const fates = (kind: string) => new Set(ids.map((id) => taskFate(id, kind)?.fate));
    expect(fates('correction')).toEqual(new Set(['done', 'taken', 'open']));
    expect(fates('officer_question')).toEqual(new Set(['done', 'taken', 'open']));
    expect(fates('duo_report')).toEqual(new Set(['taken', 'open']));
    expect(taskFate('task-1', 'signal4w')).toBeNull();
  });

  it('give corrections to the front office', () => {
    expect(new Set(ids.map((id) => taskFate(id, 'correction')?.staffId))).toEqual(new Set(['fo-1', 'fo-2']));
  });
});
