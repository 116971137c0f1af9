import { z } from "zod";

// The environment, parsed once. Every setting Signpost reads is here, with the
// reason it exists; .env.example documents the same list.
// An empty variable (FOO= in a .env file or compose) means "not set".
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const postgresUrl = unsetIfEmpty(
  z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string")
    .optional(),
);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * A PostgreSQL server to use, signing in as the app's own role: not a superuser,
   * not the tables' owner (docs/deploy.md). Unset: Signpost starts its own embedded server.
   */
  DATABASE_URL: postgresUrl,
  /**
   * The same database, signing in as the tables' owner: migrations, grants to
   * DATABASE_URL's role, backups and restores. Unset: DATABASE_URL is used.
   */
  DATABASE_MIGRATION_URL: postgresUrl,
  /** Where the embedded server keeps its data when DATABASE_URL is unset. */
  EMBEDDED_POSTGRES_DIR: z.string().default(".data/postgres"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number({ error: "must be a port number" }).int().min(1024).max(65535).default(54329),
  HOST: z.string().default("0.0.0.0"),
  /**
   * The address people reach Signpost at (https://signpost.example.org). Every
   * absolute link (emails, QR codes, the HSDS API) is built from it, never from
   * the request's Host header, which a client chooses. Required in production
   * with DATABASE_URL; otherwise http://localhost:PORT.
   */
  PUBLIC_URL: unsetIfEmpty(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s):// address" })
      .refine((value) => new URL(value).pathname === "/" && !new URL(value).search && !new URL(value).hash, "must be an origin only, with no path")
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  /**
   * At least 32 random bytes, base64 (`openssl rand -base64 32`). Encrypts TOTP
   * secrets and recovery codes and keys the hash of client addresses in the
   * audit log. Required in production; development and tests use a fixed key.
   */
  SECRET_KEY: unsetIfEmpty(
    z
      .string()
      .refine((value) => Buffer.from(value, "base64").length >= 32, "must be at least 32 bytes, base64-encoded")
      .optional(),
  ),
  /** smtp(s)://user:pass@host:port — when set, invitations and resets are emailed. */
  SMTP_URL: unsetIfEmpty(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().default("Signpost <no-reply@localhost>"),
  /** Without SMTP_URL: write each email as a JSON file in this folder (tests and staging), instead of the development log. */
  MAIL_OUTBOX_DIR: unsetIfEmpty(z.string().optional()),
  /** Days after a listing's check falls due before its page warns that it may be out of date. */
  VERIFICATION_GRACE_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(0).max(365).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest request body accepted (bytes); larger ones get 413. */
  MAX_BODY_BYTES: z.coerce.number({ error: "must be a number of bytes" }).int().min(1024).max(10_000_000).default(65_536),
  /**
   * How many reverse proxies in front append to X-Forwarded-For: the client
   * address (for rate limits) is read that many entries from the right.
   * 0 or false: none, the socket's address. true: one, as it used to mean.
   */
  TRUST_PROXY: z
    .preprocess(
      (value) => (value === "true" ? 1 : value === "false" || value === "" ? 0 : value),
      z.coerce.number({ error: "must be a number of proxies (0, 1, 2…), or true or false" }).int().min(0).max(10),
    )
    .default(0),
  /** Requests a minute one client may make to the HSDS API. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(1_000_000).default(600),
  /** Where "Leave this site" goes: a neutral page that raises no questions. */
  QUICK_EXIT_URL: z.url({ protocol: /^https$/ }).default("https://www.bbc.com/weather"),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof EnvSchema> & { PUBLIC_URL: string };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Signpost cannot start: the environment has errors.\n${problems.join("\n")}`);
  }
  const env = result.data;
  // With the embedded database, a key is made and kept beside its data (prepare.server.ts).
  const missing = [];
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    if (!env.SECRET_KEY) missing.push("  SECRET_KEY: required in production with DATABASE_URL (openssl rand -base64 32)");
    if (!env.PUBLIC_URL) missing.push("  PUBLIC_URL: required in production with DATABASE_URL (the https:// address people use)");
  }
  if (missing.length > 0) throw new Error(`Signpost cannot start: the environment has errors.\n${missing.join("\n")}`);
  return { ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` };
}

/** The configured public origin, for every absolute link Signpost writes. */
export function publicOrigin(): string {
  return parseEnv().PUBLIC_URL;
}
