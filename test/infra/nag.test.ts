import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

let synth: Synthesized;

beforeAll(() => {
  synth = synthesizePresentie();
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

describe('cdk-nag AwsSolutions', () => {
  it('finds no error that was not acknowledged', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(synth.app);
    const errors = report.violations
      .filter((v) => v.severity === 'error')
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('finds no warning that was not acknowledged either', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(synth.app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('has a specific reason for every acknowledgement', () => {
    const reasons = synth.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(5);
    for (const [id, reason] of reasons) {
      expect(id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
    // One reason is not pasted everywhere: acknowledgements explain their own finding.
    const distinct = new Set(reasons.map(([, reason]) => reason));
    expect(distinct.size).toBeGreaterThan(8);
  });
});
