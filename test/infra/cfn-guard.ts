import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { GUARD_METADATA_KEY, type GuardMetadata } from '../../infra/guard';

const require = createRequire(import.meta.url);
const VALIDATOR_DIR = dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));

/** The AWS Control Tower proactive controls as cfn-guard rules, shipped with the validator. */
export const CONTROL_TOWER_RULES = join(VALIDATOR_DIR, 'rules', 'control-tower', 'cfn-guard');

const ARCHITECTURES: Partial<Record<NodeJS.Architecture, string>> = { x64: 'x86_64', arm64: 'aarch64' };

/** The cfn-guard binary the validator ships for this machine (CI: Linux on x86_64 or aarch64). */
export function cfnGuardBinary(): string {
  const platform =
    process.platform === 'linux' ? 'ubuntu' : process.platform === 'darwin' ? 'macos' : undefined;
  const architecture = ARCHITECTURES[process.arch];
  if (!platform || !architecture) {
    throw new Error(`cfn-guard is not shipped for ${process.platform}/${process.arch}`);
  }
  const binary = join(VALIDATOR_DIR, 'bin', platform, architecture, 'cfn-guard');
  if (!existsSync(binary)) throw new Error(`cfn-guard binary missing: ${binary}`);
  return binary;
}

/** One resource one rule found non-compliant. */
export interface GuardFinding {
  /** The template's file name without `.template.json`: the stack's artifact id. */
  stack: string;
  /** The guard rule name, as suppressions name it (e.g. `s3_bucket_versioning_enabled_check`). */
  rule: string;
  /** The Control Tower control id (e.g. `CT.S3.PR.11`). */
  control: string;
  resource: string;
  /** The reason from the resource's `Metadata.guard`, when the rule is suppressed there. */
  suppressedBecause?: string;
}

/** cfn-guard exits 19 when a rule fails and 5 on some failing data; both come with a report. */
const GUARD_REPORT_EXIT_CODES = new Set([0, 5, 19]);

/**
 * Runs the Control Tower rules over CloudFormation templates (only templates: an assembly
 * directory also holds the bundled handlers, which cfn-guard would parse too) and returns every
 * finding, marked when the resource suppresses that rule in its `Metadata.guard`.
 */
export function runControlTowerGuard(templatePaths: string[]): GuardFinding[] {
  if (templatePaths.length === 0) throw new Error('no templates to validate');
  const result = spawnSync(
    cfnGuardBinary(),
    [
      'validate',
      '--rules',
      CONTROL_TOWER_RULES,
      ...templatePaths.flatMap((path) => ['--data', path]),
      '--output-format',
      'json',
      '--show-summary',
      'none',
      '--structured',
    ],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status === null || !GUARD_REPORT_EXIT_CODES.has(result.status)) {
    throw new Error(`cfn-guard exited with ${result.status ?? result.signal}: ${result.stderr}`);
  }
  return (JSON.parse(result.stdout) as GuardReport[]).flatMap(findingsOf);
}

function findingsOf(report: GuardReport): GuardFinding[] {
  const template = JSON.parse(readFileSync(report.name, 'utf8')) as Template;
  const stack = basename(report.name).replace(/\.template\.json$/, '');
  return (report.not_compliant ?? []).flatMap((entry) => {
    const rule = entry.Rule?.name;
    if (!rule) return [];
    const control = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(JSON.stringify(entry))?.[1] ?? rule;
    return [...resourcesIn(entry)].map((resource) => {
      const guard = template.Resources?.[resource]?.Metadata?.[GUARD_METADATA_KEY];
      const suppressed = guard?.SuppressedRules?.some((r) => r.toLowerCase() === rule.toLowerCase());
      return {
        stack,
        rule,
        control,
        resource,
        ...(suppressed ? { suppressedBecause: guard?.Reasons?.[rule] ?? '' } : {}),
      };
    });
  });
}

/** `CT.S3.PR.11 s3_bucket_versioning_enabled_check at Stack/LogicalId`, for test failures. */
export function describeFinding(finding: GuardFinding): string {
  return `${finding.control} ${finding.rule} at ${finding.stack}/${finding.resource}`;
}

interface GuardReport {
  name: string;
  not_compliant?: { Rule?: { name?: string } }[];
}

interface Template {
  Resources?: Record<string, { Type: string; Metadata?: Record<string, Partial<GuardMetadata>> }>;
}

/**
 * cfn-guard's structured report has no fixed schema (it mirrors the rule's clauses), but every
 * failed check names the path it traversed: `/Resources/<LogicalId>/...`.
 */
function resourcesIn(entry: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(entry)) {
    for (const item of entry) resourcesIn(item, found);
    return found;
  }
  if (entry === null || typeof entry !== 'object') return found;
  for (const [key, child] of Object.entries(entry)) {
    const id =
      key === 'path' && typeof child === 'string' ? /^\/Resources\/([^/[]+)/.exec(child)?.[1] : undefined;
    if (id) found.add(id);
    else resourcesIn(child, found);
  }
  return found;
}
