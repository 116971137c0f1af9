import { data } from "react-router";
import type { z } from "zod";

// The one way input crossing a boundary is parsed: a zod schema, and on
// failure a 400 whose page lists what was wrong, in words, field by field.

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
    const values = searchParams.getAll(key);
    raw[key] = repeatable.includes(key) ? values : (values[values.length - 1] ?? "");
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(problemsOf(result.error));
  return result.data;
}

export function badRequest(problems: FieldProblem[]) {
  return data<BadRequestBody>({ kind: "bad-request", problems }, { status: 400 });
}
