import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { entraConfig, readDeployConfig } from '../../infra/config';
import { cdkJsonContext } from './synth';

const configWith = (overrides: Record<string, unknown>) =>
  readDeployConfig(new App({ context: { ...cdkJsonContext(), ...overrides } }).node);

describe('the deployment context', () => {
  it('is complete in cdk.json, so CI can synthesize without arguments', () => {
    const config = configWith({});
    expect(config).toMatchObject({ stackPrefix: 'Presentie', domain: 'presentie.example.nl' });
    // Blank optional values mean "not configured".
    expect(config.alarmEmail).toBeUndefined();
    expect(entraConfig(config)).toBeUndefined();
  });

  it('keeps data 5 years after a student left unless retentionYears says otherwise', () => {
    expect(configWith({}).retentionYears).toBe(5);
    expect(configWith({ retentionYears: undefined }).retentionYears).toBe(5);
    expect(configWith({ retentionYears: '' }).retentionYears).toBe(5);
    // `cdk synth -c retentionYears=7` passes a string.
    expect(configWith({ retentionYears: '7' }).retentionYears).toBe(7);
  });

  it('refuses a retention that is not a whole number of years from 1 to 100', () => {
    for (const retentionYears of [0, '2.5', 'vijf', 101]) {
      expect(() => configWith({ retentionYears })).toThrow(/retentionYears/);
    }
  });

  it('names the region explicitly (the firewall ARN crosses regions), and refuses a malformed one', () => {
    expect(configWith({}).region).toBe('eu-central-1');
    expect(configWith({ region: 'eu-west-1' }).region).toBe('eu-west-1');
    for (const region of [undefined, '', 'Frankfurt', 'eu-central']) {
      expect(() => configWith({ region })).toThrow(/region/);
    }
  });

  it('refuses a sender address outside the SES domain', () => {
    expect(() => configWith({ senderAddress: 'noreply@elders.nl' })).toThrow(/senderAddress/);
  });

  it('refuses a hosted sign-in prefix Cognito would reject', () => {
    expect(() => configWith({ authDomainPrefix: 'Leijgraaf_Presentie' })).toThrow(/authDomainPrefix/);
  });

  it('takes Entra ID federation only with tenant, client and secret together', () => {
    expect(() => configWith({ entraTenantId: 'tenant', entraClientId: 'client' })).toThrow(/Entra ID/);
    const config = configWith({
      entraTenantId: 'tenant',
      entraClientId: 'client',
      entraClientSecretArn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:entra-AbCdEf',
    });
    expect(entraConfig(config)).toEqual({
      tenantId: 'tenant',
      clientId: 'client',
      clientSecretArn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:entra-AbCdEf',
    });
  });
});
