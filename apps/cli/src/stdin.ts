import { usageError } from './errors.js';

/** The part of `process.stdin` that reading a token needs. */
export interface TokenInput extends AsyncIterable<string | Buffer> {
  isTTY?: boolean | undefined;
}

/**
 * Reads a token piped on stdin (`op read … | tokenkit … --token-stdin`). Surrounding
 * whitespace and the trailing newline are dropped. A terminal is refused: typing a token there
 * would echo it on screen, which is what `--token-stdin` exists to avoid.
 */
export async function readTokenFromStdin(stdin: TokenInput): Promise<string> {
  if (stdin.isTTY) {
    throw usageError(
      '--token-stdin expects the token on a pipe, not typed at a terminal',
      'pipe it in, e.g. `printf %s "$TOKEN" | tokenkit … --token-stdin`',
    );
  }
  const token = (await readStdinText(stdin)).trim();
  if (!token) throw usageError('--token-stdin was given but stdin was empty');
  if (/\s/.test(token))
    throw usageError('--token-stdin read more than one word; pipe only the token');
  return token;
}

/** Everything piped on stdin, as text. */
export async function readStdinText(stdin: TokenInput): Promise<string> {
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}
