import type { z } from 'zod';

/** Turns zod issues into one readable line per field: `dpo.email: must be an e-mail address`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Thrown when input fails validation; the message names every offending field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly what: string,
    readonly fields: string[],
    detail: string,
  ) {
    super(`${what} is invalid: ${detail}`);
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(
      what,
      result.error.issues.map((i) => i.path.map(String).join('.')),
      describeIssues(result.error),
    );
  }
  return result.data;
}
