import { type Colors, colorEnabled, palette } from './colors.js';
import type { JsonShape } from './json-shapes.js';
import { redact } from './redact.js';
import { jsonSafe, sanitize } from './sanitize.js';
import { settledWrite } from './settled-write.js';
import type { Streams } from './streams.js';
import { wrapWords } from './wrap.js';

export type { Streams } from './streams.js';

/** How the command was asked to print. */
export interface OutputOptions {
  json: boolean;
  /** `false` when `--no-color` was given. */
  color?: boolean | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * Everything a command prints goes through here: results to stdout (a table or JSON), notes
 * and progress to stderr. Every write is scrubbed of registered secrets, except the one
 * deliberate line that shows a newly created token.
 */
export class Output {
  readonly json: boolean;
  /** Colours for stdout. */
  readonly color: Colors;
  /** Colours for stderr. */
  readonly errorColor: Colors;
  readonly streams: Streams;
  private readonly options: OutputOptions;
  private readonly secrets = new Set<string>();
  /** The writes that showed a new secret, settled or not (see {@link secretsWritten}). */
  private readonly secretWrites: Promise<void>[] = [];

  constructor(options: OutputOptions, streams: Streams = process) {
    this.json = options.json;
    this.options = options;
    this.streams = streams;
    const settings = { flag: options.color, env: options.env };
    this.color = palette(colorEnabled({ ...settings, isTTY: streams.stdout.isTTY }));
    this.errorColor = palette(colorEnabled({ ...settings, isTTY: streams.stderr.isTTY }));
  }

  /** The terminal's width when stdout is one; `undefined` for a pipe or a file. */
  get terminalColumns(): number | undefined {
    return this.streams.stdout.isTTY ? this.streams.stdout.columns : undefined;
  }

  /**
   * Whether stdout takes whole values: a pipe or a file gets every scope and full ISO 8601
   * date-times, as `gh` does; only a terminal gets shortened, humanised cells.
   */
  get wholeValues(): boolean {
    return !this.streams.stdout.isTTY;
  }

  /** Whether stderr is a terminal (progress lines and prompts only make sense there). */
  get interactiveStderr(): boolean {
    return Boolean(this.streams.stderr.isTTY);
  }

  /**
   * The same output with every stdout line indented (the demo nests a command's output under
   * its step). Settings and registered secrets are shared.
   */
  indented(prefix: string): Output {
    const { stdout, stderr } = this.streams;
    const nested = new Output(this.options, {
      stdout: {
        isTTY: stdout.isTTY,
        columns: stdout.columns === undefined ? undefined : stdout.columns - prefix.length,
        write: (text: string, done?: (error?: Error | null) => void) =>
          stdout.write(text.replace(/^(?=.)/gm, prefix), done),
      },
      stderr,
    });
    for (const secret of this.secrets) nested.addSecret(secret);
    return nested;
  }

  /** Never print this value (an access token, a created token). */
  addSecret(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  /** Whether `text` holds a registered secret (an environment variable must not pass it on). */
  holdsSecret(text: string): boolean {
    return this.redact(text) !== text;
  }

  /** Scrubs registered secrets out of `text`. */
  redact(text: string): string {
    return redact(text, this.secrets);
  }

  /** A line of the result on stdout. */
  print(line = ''): void {
    this.streams.stdout.write(`${this.redact(line)}\n`);
  }

  /** Part of the result on stdout, as given (no newline added): a long document, piece by piece. */
  write(text: string): void {
    this.streams.stdout.write(this.redact(text));
  }

  /** Several lines of the result on stdout, in order. */
  printLines(lines: Iterable<string>): void {
    for (const line of lines) this.print(line);
  }

  /** A note for the person on stderr (never mixed into results a script parses). */
  note(line = ''): void {
    this.streams.stderr.write(`${this.redact(line)}\n`);
  }

  /**
   * A summary or footer on stderr, dimmed, wrapped at spaces to fit a terminal's width (a
   * pipe or a log gets it on one line).
   */
  noteSummary(text: string): void {
    const columns = this.streams.stderr.isTTY ? this.streams.stderr.columns : undefined;
    const lines = columns ? wrapWords(this.redact(text), columns) : [text];
    for (const line of lines) this.note(this.errorColor.dim(line));
  }

  /** Raw text on stderr, for progress lines that redraw themselves. */
  noteRaw(text: string): void {
    this.streams.stderr.write(this.redact(text));
  }

  /** The machine-readable result on stdout: one of the declared `--json` shapes. */
  printJson(value: JsonShape): void {
    this.print(jsonSafe(JSON.stringify(value, null, 2)));
  }

  /**
   * The machine-readable result of a create, whose `token` field holds the new secret: the
   * only place a secret is ever written, once.
   */
  printJsonWithSecret<Json extends JsonShape>(value: Json & { token: string }): void {
    const { token, ...rest } = value;
    this.writeSecret(`${this.jsonWithSecret(token, rest)}\n`);
  }

  /** Writes text that shows a secret, remembering the write for {@link secretsWritten}. */
  private writeSecret(text: string): void {
    const written = settledWrite(this.streams.stdout, text);
    written.catch(() => undefined); // settled by secretsWritten
    this.secretWrites.push(written);
  }

  /**
   * Resolves once every secret printed so far was written; rejects with the first write's
   * error (a closed pipe, a full disk): then nobody holds that secret.
   */
  async secretsWritten(): Promise<void> {
    await Promise.all(this.secretWrites);
  }

  /** `{ token, ...rest }` as JSON text, `rest` scrubbed of registered secrets. */
  private jsonWithSecret(token: string, rest: Record<string, unknown>): string {
    const scrubbed: unknown = JSON.parse(this.redact(JSON.stringify(rest)));
    return jsonSafe(JSON.stringify({ token, ...(scrubbed as object) }, null, 2));
  }

  /** The one line that shows a newly created token's secret (server text, so sanitized). */
  secretLine(label: string, secret: string): string {
    const c = this.color;
    return `${c.bold(c.yellow(`${label} (shown once, store it now):`))} ${sanitize(secret)}\n`;
  }

  /** Prints {@link secretLine}. */
  printSecretOnce(label: string, secret: string): void {
    this.writeSecret(this.secretLine(label, secret));
  }

  /**
   * Writes `text` (which holds a secret, so it is not scrubbed) to stdout and resolves only once
   * it was written: a pipe whose reader is gone, a full disk or a closed stdout rejects.
   */
  deliver(text: string): Promise<void> {
    return settledWrite(this.streams.stdout, text);
  }
}
