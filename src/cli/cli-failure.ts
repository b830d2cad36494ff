/** A failure the CLI reports as its last words: one line (and the issues under it), exit code 1. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; row?: number; message: string }[] = [],
  ) {
    super(message);
  }
}
