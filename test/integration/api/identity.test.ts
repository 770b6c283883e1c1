import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_ISSUER } from '../../../functions/auth/local-keys';
import { SignInBoundElsewhere, StaffBoundElsewhere } from '../../../functions/domain/staff-sign-in';
import { listAudit } from '../../../functions/store/audit-repository';
import { putStaff } from '../../../functions/store/staff';
import { bindSignIn, getBoundStaffId } from '../../../functions/store/staff-sign-in';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { apiClient, type Client, NOW, STAFF, seed } from './fixture';

/** The claims of a Cognito ID token; `sub` is the account, the rest is what the account says. */
const claims = (sub: string, email: string, groups: string[], extra: Record<string, unknown> = {}) => ({
  sub,
  email,
  email_verified: true,
  'cognito:groups': groups,
  token_use: 'id',
  ...extra,
});

const warn = vi.fn();
let table: TestTable;
let api: Client;
beforeAll(async () => {
  table = await startTestTable();
  await seed(table);
  api = await apiClient(table, NOW, { warn });
});
afterAll(async () => {
  await table?.stop();
});

const as = async (c: Record<string, unknown>, path: string) =>
  api.callWith(await api.tokenWith(c), 'GET', path);

describe('staff are found by their sign-in, not by the e-mail claim', () => {
  it("does not let a coach who changed their e-mail to a colleague's reach the colleague", async () => {
    // Bram signs in once with his own verified address: his account is bound to him.
    const bram = await as(claims('acct-bram', STAFF.coachB.email, ['coach']), '/api/me');
    expect(bram.json).toMatchObject({ staffId: 'coach-b' });
    // Then his account's e-mail claim says Anna's address (changed, even marked verified).
    const changed = claims('acct-bram', STAFF.coachA.email, ['coach']);
    expect((await as(changed, '/api/me')).json).toMatchObject({ staffId: 'coach-b', name: 'Bram Coach' });
    const annasStudent = await as(changed, '/api/students/s-a');
    expect(annasStudent.status).toBe(403);
    const coachPage = await as(changed, '/api/coach');
    const students = coachPage.json.reports.map(
      (r: { student: { studentId: string } }) => r.student.studentId,
    );
    expect(students).toEqual(['s-b']);
  });

  it('refuses a second account for a staff member who is already bound to one', async () => {
    expect((await as(claims('acct-anna', STAFF.coachA.email, ['coach']), '/api/me')).status).toBe(200);
    const other = await as(claims('acct-intruder', STAFF.coachA.email, ['coach']), '/api/me');
    expect(other.status).toBe(403);
    expect(other.json.staffId).toBeUndefined();
  });

  it('binds nobody on an e-mail address that is not verified', async () => {
    const unverified = claims('acct-mila', STAFF.manager.email, ['manager'], { email_verified: false });
    expect((await as(unverified, '/api/me')).status).toBe(403);
    const missing = claims('acct-mila', STAFF.manager.email, ['manager'], { email_verified: undefined });
    expect((await as(missing, '/api/me')).status).toBe(403);
    expect(await getBoundStaffId(table, `${LOCAL_ISSUER}#acct-mila`)).toBeUndefined();
    // Once verified, the same account is bound and let in.
    expect((await as(claims('acct-mila', STAFF.manager.email, ['manager']), '/api/me')).status).toBe(200);
  });

  it('keeps one sign-in per staff member in the table, whatever the order of writes', async () => {
    await bindSignIn(table, 'iss#one', 'staff-x');
    await bindSignIn(table, 'iss#one', 'staff-x'); // a repeat changes nothing and is fine
    await expect(bindSignIn(table, 'iss#two', 'staff-x')).rejects.toBeInstanceOf(StaffBoundElsewhere);
    await expect(bindSignIn(table, 'iss#one', 'staff-y')).rejects.toBeInstanceOf(SignInBoundElsewhere);
    expect(await getBoundStaffId(table, 'iss#one')).toBe('staff-x');
    expect(await getBoundStaffId(table, 'iss#two')).toBeUndefined();
    // The refused binding left staff-y free for their own sign-in.
    await bindSignIn(table, 'iss#three', 'staff-y');
    expect(await getBoundStaffId(table, 'iss#three')).toBe('staff-y');
  });
});

describe('roles: both the Cognito groups and the presence system must grant them', () => {
  it('ignores a group the presence system does not give', async () => {
    const olaf = claims('acct-olaf', STAFF.officer.email, ['attendance_officer', 'admin']);
    expect((await as(olaf, '/api/me')).json.roles).toEqual(['attendance_officer']);
    expect((await as(olaf, '/api/admin')).status).toBe(403);
  });

  it('ignores a role the presence system gives when the Cognito group is gone', async () => {
    const olaf = claims('acct-olaf', STAFF.officer.email, []);
    expect((await as(olaf, '/api/worklist')).status).toBe(403);
  });

  it('ends access at the next request once the presence system takes the roles away', async () => {
    const fenna = claims('acct-fenna', STAFF.front.email, ['front_office']);
    expect((await as(fenna, '/api/worklist?kind=correction')).status).toBe(200);
    await putStaff(
      table,
      { ...STAFF.front, roles: [], orgUnitIds: [] },
      { version: 2, eventIds: ['evt-fo-1-removed'] },
    );
    expect((await as(fenna, '/api/worklist?kind=correction')).status).toBe(403);
    expect((await as(fenna, '/api/me')).status).toBe(403);
  });
});

describe('refusals', () => {
  it('answers an id outside the scope exactly like an id that does not exist', async () => {
    const anna = claims('acct-anna', STAFF.coachA.email, ['coach']);
    for (const [outside, missing] of [
      ['/api/students/s-b', '/api/students/s-nobody'],
      ['/api/reports/r-b', '/api/reports/r-nobody'],
    ] as const) {
      const [a, b] = [await as(anna, outside), await as(anna, missing)];
      expect(a.status).toBe(403);
      expect([a.status, a.json]).toEqual([b.status, b.json]);
    }
  });

  it('logs and audits a refusal with the staff member, the route and the target id', async () => {
    warn.mockClear();
    await as(claims('acct-anna', STAFF.coachA.email, ['coach']), '/api/students/s-b');
    expect(warn).toHaveBeenCalledWith(
      'request refused',
      expect.objectContaining({
        staffId: 'coach-a',
        route: 'GET /api/students/{studentId}',
        target: 'student:s-b',
      }),
    );
    const trail = await listAudit(table, 'student', 'staff:coach-a');
    expect(trail).toContainEqual(
      expect.objectContaining({ by: 'coach-a', what: 'refused GET /api/students/{studentId} student:s-b' }),
    );
    // The refused read is no read of the student's data.
    expect((await listAudit(table, 'student', 's-b')).some((e) => e.by === 'coach-a')).toBe(false);
  });

  it('audits a refusal by role too', async () => {
    const ada = claims('acct-ada', STAFF.admin.email, ['admin']);
    expect((await as(ada, '/api/students/s-b')).status).toBe(403);
    const trail = await listAudit(table, 'student', 'staff:adm-1');
    expect(trail).toContainEqual(
      expect.objectContaining({ by: 'adm-1', what: 'refused GET /api/students/{studentId} s-b' }),
    );
  });
});

describe('roles of a staff member who signs in with Entra ID (federated through Cognito)', () => {
  const eva = {
    staffId: 'om-entra',
    name: 'Eva Entra',
    email: 'eva@school.example',
    roles: ['manager' as const],
    orgUnitIds: ['dep-tech'],
  };
  const entra = (oid: string, email: string, groups: string[] = []) =>
    claims(`cognito-${oid}`, email, groups, {
      identities: [{ providerName: 'EntraID', providerType: 'OIDC', userId: oid, primary: 'true' }],
    });

  it("takes the roles from the roster: Entra users have no pool groups, and a group grants nothing the roster doesn't", async () => {
    await putStaff(table, eva, { version: 1, eventIds: ['evt-om-entra'] });
    const me = await as(entra('oid-eva', eva.email), '/api/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ staffId: 'om-entra', roles: ['manager'] });
    expect((await as(entra('oid-eva', eva.email, ['admin']), '/api/me')).json.roles).toEqual(['manager']);
    expect((await as(entra('oid-eva', eva.email), '/api/admin')).status).toBe(403);
    // The roster taking the role away still ends it at the next request.
    await putStaff(table, { ...eva, roles: [] }, { version: 2, eventIds: ['evt-om-entra-left'] });
    expect((await as(entra('oid-eva', eva.email), '/api/me')).status).toBe(403);
  });

  it("keeps the pool's own users to the groups they have: without groups, no roles", async () => {
    const ada = claims('acct-ada', STAFF.admin.email, []);
    expect((await as(ada, '/api/me')).json).toEqual({ error: 'your role may not do this' });
    expect((await as(ada, '/api/admin')).status).toBe(403);
    expect((await as(claims('acct-ada', STAFF.admin.email, ['admin']), '/api/admin')).status).toBe(200);
  });
});
