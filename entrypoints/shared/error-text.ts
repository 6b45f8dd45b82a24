// One way to put a failure into words on every page, in the overlay and in the template sandbox: the
// message the background sent (a MessageFailure is an Error) or the error's own message — never
// `String(error)`, which prints "Error: …" or "[object Object]".
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Unexpected error';
}
