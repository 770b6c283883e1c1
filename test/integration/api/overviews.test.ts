import { describe, expect, it } from 'vitest';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

describe('rapportages (overviews)', () => {
  it("offers a manager only their department's units to filter on", async () => {
    const res = await sys.api.call('manager', 'GET', '/api/overviews/presence');
    expect(res.status).toBe(200);
    expect(res.json.units.map((u: { orgUnitId: string }) => u.orgUnitId).sort()).toEqual([
      'dep-tech',
      'team-a',
    ]);
    expect(res.json.rows.map((r: { student: { studentId: string } }) => r.student.studentId)).toEqual([
      's-a',
    ]);
  });

  it('lists presence per student for the period, with the unauthorized minutes', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/overviews/presence?from=2026-10-01&to=2026-11-20');
    const row = res.json.rows.find((r: { student: { studentId: string } }) => r.student.studentId === 's-a');
    expect(row).toMatchObject({ minutes: 90, detail: '0 %' });
  });

  it('lists the 16-hour reports created in the period, filtered by unit', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/overviews/sixteen_hour?unitId=team-b');
    expect(res.json.rows).toMatchObject([{ student: { studentId: 's-b' }, detail: 'open', minutes: 960 }]);
  });

  it('downloads the same overview as CSV, naming the team as the page does', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/overviews/sixteen_hour/csv?unitId=team-b');
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, first] = res.text.trim().split('\n');
    expect(header).toBe('studentId,name,team,date,detail,minutes,routeX');
    expect(first).toContain('s-b,Bo Bakker,Zorg B,');
  });

  it('answers 404 for an overview that does not exist', async () => {
    expect((await sys.api.call('officer', 'GET', '/api/overviews/nonsense')).status).toBe(404);
  });
});
