import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockServer } from '@tokenkit/mock-server';
import type { Command } from 'commander';
import type { CommandContext } from '../cli/context.js';
import { embed } from '../cli/embedding.js';
import type { Output, Streams } from '../output/output.js';
import { shellWord } from '../output/shell-word.js';

const dayMs = 86_400_000;
const seeded = 250;
/** Where a command's own output starts under its `$ tokenkit …` line. */
const indent = '     ';

/**
 * A line-buffered stream the demo prints indented under a step. With `columns` it passes for a
 * terminal that wide, so tables are laid out as a person would see them.
 */
function captured(columns?: number): { stream: Streams['stdout']; lines: string[] } {
  const lines: string[] = [];
  let partial = '';
  const stream = {
    isTTY: columns !== undefined,
    columns,
    write(text: string, done?: (error?: Error | null) => void) {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      done?.();
      return true;
    },
  };
  return { stream, lines };
}

/** Narrates the demo and runs tokenkit's own commands against the mock. */
class Narrator {
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly output: Output,
    private readonly now: Date,
    mock: MockServer,
    private readonly createProgram: () => Command,
  ) {
    this.env = {
      LOSANT_ACCESS_TOKEN: mock.losant.accessToken,
      LOSANT_API_URL: mock.url,
      INSTANA_API_TOKEN: mock.instana.apiToken,
      INSTANA_BASE_URL: mock.url,
      NO_COLOR: '1',
    };
  }

  step(number: number, title: string): void {
    const c = this.output.color;
    this.output.print(`\n${c.bold(c.cyan(`${number}.`))} ${c.bold(title)}`);
  }

  say(text: string): void {
    this.output.print(`   ${text}`);
  }

  /**
   * Runs `tokenkit <args>` through the real command tree, as typed, and prints what it
   * printed (stdout, then its notes), indented; `show` keeps only the first lines of a long
   * listing. Returns the command's exit code.
   */
  async run(args: string[], show = Number.POSITIVE_INFINITY): Promise<number> {
    const c = this.output.color;
    this.output.print(`   ${c.dim(`$ tokenkit ${args.map(shellWord).join(' ')}`)}`);
    const stdout = captured((this.output.terminalColumns ?? 100) - indent.length);
    const stderr = captured();
    const program = this.createProgram();
    embed(program, {
      env: this.env,
      streams: { stdout: stdout.stream, stderr: stderr.stream },
      now: () => this.now,
    });
    await program.parseAsync(args, { from: 'user' });
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    const shown = stdout.lines.slice(0, show);
    this.output.printLines(shown.map((line) => `${indent}${line}`));
    if (stdout.lines.length > shown.length) {
      this.output.print(c.dim(`${indent}… ${stdout.lines.length - shown.length} more lines`));
    }
    this.output.printLines(stderr.lines.map((line) => c.dim(`${indent}${line}`)));
    return code;
  }
}

async function losantSteps(demo: Narrator, mock: MockServer, now: Date): Promise<string> {
  const applicationId = mock.losant.applicationId;
  const app = ['--application', applicationId];
  demo.step(1, 'Losant: create an application token that expires');
  await demo.run([
    'losant',
    'tokens',
    'create',
    ...app,
    '--name',
    'deploy-bot',
    '--scope',
    'applicationApiTokens.get',
    '--expires',
    '90d',
  ]);
  const created = mock.store.losant.list({ applicationId }).find((t) => t.name === 'deploy-bot');

  demo.step(2, `Losant: list ${seeded + 1} tokens, one page and then --all`);
  mock.store.losant.add(
    { applicationId },
    Array.from({ length: seeded }, (_, index) => ({
      name: `sensor-gateway-${String(index + 1).padStart(3, '0')}`,
      scope: ['devices.get'],
      expirationDate: new Date(now.getTime() + (120 + index) * dayMs).toISOString(),
    })),
  );
  await demo.run(['losant', 'tokens', 'list', ...app, '--per-page', '3']);
  await demo.run(['losant', 'tokens', 'list', ...app, '--all'], 4);

  const rotatedId = await rotateStep(demo, mock, created?.id ?? '');

  demo.step(4, 'Losant: deactivate the token (scopes and expiry are fixed at creation)');
  await demo.run(['losant', 'tokens', 'update', rotatedId, ...app, '--status', 'inactive']);
  return rotatedId;
}

/**
 * Rotates the token with `--exec`: a command that reads the secret from its stdin (here it only
 * counts the characters) stands for a deploy tool; the secret shows nowhere in this output.
 */
async function rotateStep(demo: Narrator, mock: MockServer, oldId: string): Promise<string> {
  const applicationId = mock.losant.applicationId;
  demo.step(3, 'Losant: rotate it, handing the new secret to a command on its stdin');
  await demo.run([
    'losant',
    'tokens',
    'rotate',
    oldId,
    '--application',
    applicationId,
    '--exec',
    'wc -c',
    '--yes',
  ]);
  demo.say(
    'wc -c read the new secret from its stdin and counted it; a real deploy would store it there.',
  );
  demo.say(
    'The secret was in no argument, no environment variable and no output; old one deleted.',
  );
  const replacement = mock.store.losant
    .list({ applicationId })
    .find((t) => t.name === 'deploy-bot');
  return replacement?.id ?? '';
}

async function instanaSteps(demo: Narrator, mock: MockServer): Promise<string> {
  demo.step(5, 'Instana: create an API token from permission flags');
  await demo.run([
    'instana',
    'tokens',
    'create',
    '--name',
    'synthetics-ci',
    '--permission',
    'canConfigureSyntheticTests',
    '--permission',
    'canViewLogs',
  ]);
  const stored = mock.store.instana.list().find((token) => token.name === 'synthetics-ci');
  const internalId = stored?.internalId ?? '';

  demo.step(6, 'Instana: revoke a permission and rename');
  await demo.run([
    'instana',
    'tokens',
    'update',
    internalId,
    '--name',
    'synthetics-readonly',
    '--revoke-permission',
    'canViewLogs',
  ]);
  return internalId;
}

async function auditStep(demo: Narrator, mock: MockServer, now: Date): Promise<void> {
  const applicationId = mock.losant.applicationId;
  demo.step(7, 'Audit both vendors: expired, expiring, inactive, never-expiring, over-broad');
  mock.store.losant.add({ applicationId }, [
    {
      name: 'legacy-export',
      scope: ['data.export'],
      expirationDate: new Date(now.getTime() - 3 * dayMs).toISOString(),
    },
    {
      name: 'nightly-backup',
      scope: ['application.export'],
      expirationDate: new Date(now.getTime() + 5 * dayMs).toISOString(),
    },
  ]);
  mock.store.losant.add('user', [{ name: 'laptop-admin', scope: ['all.User'] }]);
  mock.store.instana.add([
    {
      name: 'terraform-admin',
      canConfigureApiTokens: true,
      canConfigureUsers: true,
      expiresOn: null,
    },
  ]);
  const code = await demo.run([
    'audit',
    '--application',
    applicationId,
    '--expiring-within',
    '30d',
  ]);
  demo.say(
    `in CI this exits ${code}: findings at high or worse fail the job; --fail-on sets the bar`,
  );
}

/**
 * Declares tokens in a file and converges on it: plan, apply, then a plan with no changes. The
 * new secrets go to `wc -c` on its stdin, standing for a secret store.
 */
async function declarativeStep(demo: Narrator, mock: MockServer): Promise<void> {
  demo.step(8, 'Declare tokens in a file: plan, apply, plan again (no changes)');
  const [app] = mock.store.losant.addApplications([{ name: 'declared-demo' }]);
  const folder = await mkdtemp(join(tmpdir(), 'tokenkit-demo-'));
  const file = join(folder, 'tokens.yaml');
  const yaml = `version: 1
losant:
  - name: ci-reader
    application: ${app?.id}
    scope: [devices.get]
    expires: 90d
    rotateAfter: 60d
    deliver: { exec: "wc -c" }
instana:
  - name: ci-agents
    permissions: [canConfigureAgents]
    deliver: { exec: "wc -c" }
`;
  await writeFile(file, yaml);
  try {
    demo.say('tokens.yaml declares a Losant application token and an Instana token:');
    for (const line of yaml.trimEnd().split('\n')) demo.say(`  ${line}`);
    await demo.run(['plan', '-f', file]);
    await demo.run(['apply', '-f', file, '--yes']);
    demo.say(
      'The two numbers are wc -c counting each new secret on its stdin: no secret was printed.',
    );
    await demo.run(['plan', '-f', file, '--detailed-exitcode']);
    demo.say('Nothing left to do: the live tokens match the file (exit 0; 2 would mean changes).');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * `tokenkit demo`: starts the embedded mock server and runs tokenkit's own commands against
 * it, through the same command tree a person types into, narrating each step.
 */
export async function runDemo(
  context: CommandContext,
  createProgram: () => Command,
): Promise<number> {
  const { output } = context;
  const c = output.color;
  const started = Date.now();
  output.print(c.bold('tokenkit demo: a whole token lifecycle on Losant and Instana'));
  const { startMockServer } = await import('@tokenkit/mock-server');
  const mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  try {
    const now = context.now();
    const demo = new Narrator(output, now, mock, createProgram);
    demo.say(
      c.dim(
        `Mock server for both APIs at ${mock.url} (in memory; no account, nothing leaves this machine)`,
      ),
    );
    const losantId = await losantSteps(demo, mock, now);
    const instanaId = await instanaSteps(demo, mock);
    await auditStep(demo, mock, now);
    await declarativeStep(demo, mock);

    demo.step(9, 'Clean up: delete both tokens');
    await demo.run([
      'losant',
      'tokens',
      'delete',
      losantId,
      '--application',
      mock.losant.applicationId,
      '--yes',
    ]);
    await demo.run(['instana', 'tokens', 'delete', instanaId, '--yes']);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    output.print(`\n${c.green('✓')} Done in ${seconds}s, ${mock.requests.length} API calls.`);
    output.print(
      c.dim(
        'Next: export LOSANT_ACCESS_TOKEN (and INSTANA_API_TOKEN, INSTANA_BASE_URL) and run the same commands.',
      ),
    );
    return 0;
  } finally {
    await mock.close();
  }
}
