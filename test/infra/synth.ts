import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readDeployConfig } from '../../infra/config';
import { REPO_ROOT } from '../../infra/paths';
import { createPresentie, type PresentieStacks } from '../../infra/presentie';

/** The context `cdk synth` sees: cdk.json's (Template.fromStack alone would ignore it). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/**
 * Synthesis bundles three handlers and builds five stacks: seconds on an idle machine, but CI
 * shares two cores with every other test file, so the hook gets more room than the default.
 */
export const SYNTH_TIMEOUT_MS = 300_000;

export interface Synthesized {
  app: App;
  stacks: PresentieStacks;
  assembly: ReturnType<App['synth']>;
  outdir: string;
  template(stack: Stack): Template;
  /** Every synthesized template, keyed by stack name. */
  templates(): Record<string, unknown>;
  cleanup(): void;
}

/**
 * Synthesizes the real app once (bundling all three handlers with esbuild). Templates are read
 * from that one assembly: Template.fromStack would synthesize and bundle again for every stack.
 */
export function synthesizePresentie(extraContext: Record<string, unknown> = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'presentie-cdk-'));
  // The templates are checked whether or not web/dist was built (the site stack's own test
  // covers both); a deploy requires the build.
  const app = new App({
    outdir,
    context: { ...cdkJsonContext(), dashboardBuild: 'optional', ...extraContext },
  });
  const stacks = createPresentie(app, readDeployConfig(app.node));
  const assembly = app.synth();
  const cache = new Map<string, Template>();
  return {
    app,
    stacks,
    assembly,
    outdir,
    template(stack) {
      let template = cache.get(stack.stackName);
      if (!template) {
        template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
        cache.set(stack.stackName, template);
      }
      return template;
    },
    templates() {
      return Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template]));
    },
    cleanup() {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
