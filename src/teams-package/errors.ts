/**
 * Errors the Teams packager reports to a person. Each carries a message that says what is
 * wrong and how to fix it; `scripts/package-teams.ts` prints the message and exits 1.
 */

export type TeamsPackageErrorCode = 'input' | 'template' | 'schema' | 'icon';

export class TeamsPackageError extends Error {
  constructor(
    readonly code: TeamsPackageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

/** One problem with an environment variable (or the package.json value standing in for it). */
export interface InputIssue {
  readonly variable: string;
  /** What is wrong, e.g. "is not set". Read after the variable name. */
  readonly problem: string;
  /** How to fix it, as a sentence. */
  readonly fix: string;
}

export class TeamsPackageInputError extends TeamsPackageError {
  constructor(readonly issues: readonly InputIssue[]) {
    super(
      'input',
      [
        'Cannot build the Teams app package; fix these environment variables:',
        ...issues.map((i) => `  - ${i.variable} ${i.problem}. ${i.fix}`),
      ].join('\n'),
    );
    this.name = 'TeamsPackageInputError';
  }
}

export class ManifestTemplateError extends TeamsPackageError {
  constructor(message: string) {
    super('template', message);
    this.name = 'ManifestTemplateError';
  }
}

export class ManifestValidationError extends TeamsPackageError {
  constructor(
    readonly problems: readonly string[],
    schemaFile: string,
  ) {
    super(
      'schema',
      [
        `The Teams manifest does not validate against ${schemaFile}:`,
        ...problems.map((p) => `  - ${p}`),
      ].join('\n'),
    );
    this.name = 'ManifestValidationError';
  }
}

export class TeamsIconError extends TeamsPackageError {
  constructor(readonly problems: readonly string[]) {
    super('icon', ['The Teams app icons are not usable:', ...problems.map((p) => `  - ${p}`)].join('\n'));
    this.name = 'TeamsIconError';
  }
}
