// RFC 9457 problem+json, mapped once into what a person reads: one message, and errors per field.
import { t, translateServerMessage } from './messages';

export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  violations?: Violation[];
  [extension: string]: unknown;
}

/** The problem in an answer's body; a body that is not one (an HTML page, nothing) still gives a problem. */
export function parseProblem(status: number, contentType: string | null, body: string): Problem {
  if (body && contentType && /json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const p = parsed as Record<string, unknown>;
        return {
          ...p,
          status: typeof p.status === 'number' ? p.status : status,
          title: typeof p.title === 'string' ? p.title : undefined,
          detail: typeof p.detail === 'string' ? p.detail : undefined,
          violations: Array.isArray(p.violations)
            ? p.violations.filter(isViolation).map((v) => ({ field: v.field, message: v.message }))
            : undefined,
        };
      }
    } catch {
      // not JSON after all: fall through
    }
  }
  return { status };
}

function isViolation(value: unknown): value is Violation {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Violation).field === 'string' &&
    typeof (value as Violation).message === 'string'
  );
}

/** Field path → message in Portuguese (the first one when a field has several). */
export function fieldErrors(problem: Problem): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const v of problem.violations ?? []) {
    if (!(v.field in errors)) errors[v.field] = translateServerMessage(v.message);
  }
  return errors;
}

/**
 * One sentence for the whole problem. `overrides` lets a screen say what a status means there (401 on sign-in is
 * wrong credentials, 409 on sign-up is a taken e-mail).
 */
export function problemMessage(problem: Problem, overrides: Partial<Record<number, string>> = {}): string {
  const override = overrides[problem.status];
  if (override) return override;
  switch (problem.status) {
    case 0:
      return t.networkError;
    case 403:
      return t.forbidden;
    case 429:
      return t.tooManyRequests;
    case 502:
    case 503:
    case 504:
      return t.unavailable;
  }
  if (problem.violations?.length) return 'Confira os campos destacados.';
  if (problem.status >= 500) return t.genericError;
  return problem.detail ?? problem.title ?? t.genericError;
}
