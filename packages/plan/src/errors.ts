/** One thing wrong with a tokens file: where (`losant[4] (p-new).scope[0]`) and what. */
export interface FileIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A tokens file that cannot be used: unreadable, not YAML or JSON, or not what the format
 * allows. Raised before any request is sent; `issues` lists every problem found.
 */
export class TokensFileError extends Error {
  override name = 'TokensFileError';
  readonly file: string;
  readonly issues: readonly FileIssue[];

  constructor(file: string, issues: readonly FileIssue[]) {
    const lines = issues.map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
    super(`${file}: ${lines.join('; ')}`);
    this.file = file;
    this.issues = issues;
  }
}

/** `--prune` was asked for, but the file names nowhere pruning may happen. */
export class PruneScopeError extends Error {
  override name = 'PruneScopeError';
}
