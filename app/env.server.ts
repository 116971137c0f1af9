import { z } from "zod";

// The environment, parsed once. Every setting Signpost reads is here, with the
// reason it exists; .env.example documents the same list.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server to use. Unset: Signpost starts its own embedded server. */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string")
    .optional(),
  /** Where the embedded server keeps its data when DATABASE_URL is unset. */
  EMBEDDED_POSTGRES_DIR: z.string().default(".data/postgres"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  HOST: z.string().default("0.0.0.0"),
  /** Where "Leave this site" goes: a neutral page that raises no questions. */
  QUICK_EXIT_URL: z.url({ protocol: /^https$/ }).default("https://www.bbc.com/weather"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Signpost cannot start: the environment has errors.\n${problems.join("\n")}`);
  }
  return result.data;
}
