// Our own faults, kept apart from findings: an exception inside a rule or an invalid report.

export class InternalError extends Error {
  constructor(
    message: string,
    readonly ruleId?: string,
    readonly filePath?: string,
    readonly line?: number,
    readonly column?: number,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'InternalError';
  }
}
