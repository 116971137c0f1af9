import { data } from "react-router";
import type { z } from "zod";

// The one way input crossing a boundary is parsed: a zod schema, and on
// failure a 400 whose page lists what was wrong, in words, field by field.

/** NUL characters mean nothing in text and PostgreSQL refuses them: dropped at the boundary. */
export function withoutNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

/** An empty form or URL field means "not given". */
export function emptyAsUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/** A zod issue's path as the form field it names: ["contactChannels", 0, "value"] → "contactChannels[0].value". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`)).join("");
}

export type FieldProblem = { field: string; message: string };
export type BadRequestBody = { kind: "bad-request"; problems: FieldProblem[] };

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "request", message: issue.message }));
}

/** Reads URL search parameters (repeatable ones as arrays) through `schema`, or throws a 400. */
export function parseSearchParams<Schema extends z.ZodType>(
  searchParams: URLSearchParams,
  schema: Schema,
  repeatable: readonly string[] = [],
): z.output<Schema> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key).map(withoutNul);
    raw[key] = repeatable.includes(key) ? values : (values[values.length - 1] ?? "");
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(problemsOf(result.error));
  return result.data;
}

export function badRequest(problems: FieldProblem[]) {
  return data<BadRequestBody>({ kind: "bad-request", problems }, { status: 400 });
}

/** A form body the server cannot read at all: the wrong content type (415), or cut short or malformed (400). */
export type UnreadableFormBody = { kind: "unreadable-form"; message: string };

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * The one way a posted form is read: only what a web page's form sends is
 * taken, and a body that is not a form gets a 415 or 400 that says so, never
 * the exception (a 500) that request.formData() throws.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(type)) {
    throw data<UnreadableFormBody>(
      { kind: "unreadable-form", message: `A form is sent as ${FORM_TYPES.join(" or ")}, as web pages send it.` },
      { status: 415 },
    );
  }
  try {
    return await request.formData();
  } catch {
    throw data<UnreadableFormBody>({ kind: "unreadable-form", message: "The form could not be read: it was cut short or malformed." }, { status: 400 });
  }
}

export type FormErrors = Record<string, string>;
export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FormErrors; values: Record<string, string> };

/**
 * Reads a posted form through `schema`. On failure: the first message for each
 * field, to show next to it, and what was typed, so nothing is lost (passwords excepted).
 */
export async function parseForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  repeatable: readonly string[] = [],
): Promise<FormResult<z.output<Schema>>> {
  const formData = await readFormData(request);
  const raw: Record<string, string | string[]> = {};
  const values: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    const entries = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string")
      .map(withoutNul);
    raw[key] = repeatable.includes(key) ? entries : (entries[entries.length - 1] ?? "");
    if (!/password|code/i.test(key)) values[key] = entries.join(", ");
  }
  for (const key of repeatable) raw[key] ??= [];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/**
 * React Router sends an action's headers (Retry-After on a 429) with the page
 * it renders only when the route passes them on: routes export this as `headers`.
 */
export function actionHeaders({ actionHeaders: headers }: { actionHeaders: Headers }): Headers {
  return headers;
}
