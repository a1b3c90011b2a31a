/** The process streams the CLI writes to, injectable so the demo can reuse the commands. */
export interface Streams {
  stdout: {
    /** Must call `done` once the text is written (or could not be): a delivery awaits it. */
    write(text: string, done?: (error?: Error | null) => void): unknown;
    isTTY?: boolean | undefined;
    columns?: number | undefined;
    /** The file descriptor, for the process's own stdout (a regular file is flushed to disk). */
    fd?: number | undefined;
  };
  stderr: {
    write(text: string): unknown;
    isTTY?: boolean | undefined;
    columns?: number | undefined;
  };
}
