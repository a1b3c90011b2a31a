import { inspect } from 'node:util';

/** One call a client made on its `logger`. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly details: unknown;
}

/** The logger shape the clients take: every level optional, `(message, details)`. */
export interface RecordingLogger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `<JSON.stringify threw: ${String(error)}>`;
  }
}

/** Every way a person or a log shipper could turn an error into text. */
function renderError(error: unknown): Record<string, string> {
  const base = error instanceof Error ? error : undefined;
  return {
    message: base?.message ?? String(error),
    stack: base?.stack ?? '',
    'JSON.stringify': safeJson(error),
    'util.inspect': inspect(error, { depth: 10 }),
    String: String(error),
  };
}

/**
 * Collects the secrets a test handles, every error it caught and every line the clients
 * logged, and finds any secret in any of them. A secret can leak into an error raised long
 * after the secret was made (a created token in a later failure), so the check runs over
 * everything collected, at the end.
 */
export class SecretWatch {
  readonly secrets = new Set<string>();
  readonly lines: LogLine[] = [];
  readonly errors: unknown[] = [];
  readonly logger: RecordingLogger = {
    debug: (message, details) => this.record('debug', message, details),
    info: (message, details) => this.record('info', message, details),
    warn: (message, details) => this.record('warn', message, details),
    error: (message, details) => this.record('error', message, details),
  };

  /** Registers secrets (empty or missing values are ignored). */
  secret(...values: readonly (string | undefined)[]): void {
    for (const value of values) if (value) this.secrets.add(value);
  }

  /** Keeps an error for the final check and hands it back. */
  error<T>(error: T): T {
    this.errors.push(error);
    return error;
  }

  /** Awaits a promise that must reject, keeps the error, and returns it. */
  async rejection(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return this.error(error);
    }
    throw new Error('expected the call to fail, but it succeeded');
  }

  /** Where each secret appears, as `secret#n in <place>` lines; empty when nothing leaked. */
  leaks(): string[] {
    const found: string[] = [];
    const secrets = [...this.secrets];
    const check = (place: string, text: string) => {
      secrets.forEach((secret, index) => {
        if (text.includes(secret)) found.push(`secret#${index} in ${place}`);
      });
    };
    this.errors.forEach((error, index) => {
      const name = error instanceof Error ? error.name : typeof error;
      for (const [how, text] of Object.entries(renderError(error))) {
        check(`error #${index} (${name}) via ${how}`, text);
      }
    });
    this.lines.forEach((line, index) => {
      check(`log line #${index} (${line.level}) message`, line.message);
      check(`log line #${index} (${line.level}) details JSON`, safeJson(line.details));
      check(
        `log line #${index} (${line.level}) details inspect`,
        inspect(line.details, { depth: 10 }),
      );
    });
    return found;
  }

  private record(level: LogLine['level'], message: string, details: unknown): void {
    this.lines.push({ level, message, details });
  }
}
