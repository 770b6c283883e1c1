/**
 * The norm profiles a school edits (`shared/policy/data/norm-profiles.json`), loaded inside the
 * test: a profile that is missing or cannot be read fails this test rather than the loading of
 * every policy test.
 */
import { describe, expect, it } from 'vitest';

describe('Norm profiles', () => {
  it('holds the statutory norm: 8 hours signal the student, 16 hours within 4 school weeks are reported to DUO', async () => {
    const { profileFor } = await import('../../../shared/policy/profiles');
    expect(profileFor({ routeX: false })).toMatchObject({
      id: 'standard',
      signalMinutes: 480,
      reportMinutes: 960,
      windowWeeks: 4,
      reportToDuo: true,
    });
  });

  it('holds the Route-X norm: 4 hours signal the student, 8 hours are reported to the coach, never to DUO', async () => {
    const { profileFor } = await import('../../../shared/policy/profiles');
    expect(profileFor({ routeX: true })).toMatchObject({
      id: 'route-x',
      signalMinutes: 240,
      reportMinutes: 480,
      windowWeeks: 4,
      reportToDuo: false,
    });
  });
});
