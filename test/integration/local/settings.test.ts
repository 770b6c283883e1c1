import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SECRET, localSettings } from '../../../scripts/local/defaults';
import { signatureHeaders } from '../../../scripts/local/sign';

describe('local settings and signing', () => {
  it('defaults to port 3000, mailbox 8005, .data, the documented secret and the demo', () => {
    expect(localSettings({})).toEqual({
      port: 3000,
      mailboxPort: 8005,
      dataDir: '.data',
      secret: DEFAULT_WEBHOOK_SECRET,
      demo: true,
    });
  });

  it('reads PORT, MAILBOX_PORT, DATA_DIR, PRESENCE_WEBHOOK_SECRET and DEMO=off', () => {
    const settings = localSettings({
      PORT: '4000',
      MAILBOX_PORT: '4005',
      DATA_DIR: '/tmp/x',
      PRESENCE_WEBHOOK_SECRET: 'whsec_c2VjcmV0 whsec_b2xk',
      DEMO: 'off',
      DEMO_STUDENTS: '120',
    });
    expect(settings).toEqual({
      port: 4000,
      mailboxPort: 4005,
      dataDir: '/tmp/x',
      secret: 'whsec_c2VjcmV0 whsec_b2xk',
      demo: false,
      demoStudents: 120,
    });
  });

  it('refuses a secret that is not whsec_ base64, and a port that is not a number', () => {
    expect(() => localSettings({ PRESENCE_WEBHOOK_SECRET: 'hunter2' })).toThrow(/whsec_/);
    expect(() => localSettings({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => localSettings({ DEMO_STUDENTS: 'many' })).toThrow(/DEMO_STUDENTS/);
  });

  it('signs so that a Standard Webhooks receiver verifies it, with the first of several secrets', () => {
    const body = JSON.stringify({ events: [] });
    const headers = signatureHeaders(`${DEFAULT_WEBHOOK_SECRET} whsec_b2xk`, body);
    expect(headers['content-type']).toBe('application/json');
    expect(new Webhook(DEFAULT_WEBHOOK_SECRET).verify(body, headers)).toEqual({ events: [] });
    expect(() => new Webhook('whsec_b2xk').verify(body, headers)).toThrow();
  });
});
