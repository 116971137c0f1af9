import { expect, test } from "vitest";
import { parseEnv } from "./env.server.ts";

test("defaults make a local run work with no configuration", () => {
  const env = parseEnv({});
  expect(env.PORT).toBe(3000);
  expect(env.DATABASE_URL).toBeUndefined();
});

test("each bad variable is named with what is wrong", () => {
  const both = () => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" });
  expect(both).toThrow(/PORT: must be a port number/);
  expect(both).toThrow(/DATABASE_URL: must be a postgresql/);
  expect(() => parseEnv({ SECRET_KEY: "c2hvcnQ=" })).toThrow(/SECRET_KEY: must be at least 32 bytes/);
});

test("production with its own database refuses to start without a secret key", () => {
  expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/signpost", PUBLIC_URL: "https://s.example" })).toThrow(/SECRET_KEY: required/);
  expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
});

test("an empty variable counts as unset", () => {
  expect(parseEnv({ SMTP_URL: "", DATABASE_URL: "" })).toMatchObject({ SMTP_URL: undefined, DATABASE_URL: undefined });
});

test("14.1 public URL: required in production with its own database, derived from PORT otherwise", () => {
  const key = Buffer.alloc(32, 1).toString("base64");
  expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/signpost", SECRET_KEY: key })).toThrow(/PUBLIC_URL: required/);
  expect(parseEnv({ NODE_ENV: "production", PORT: "4100" }).PUBLIC_URL).toBe("http://localhost:4100");
  expect(parseEnv({ PUBLIC_URL: "https://signpost.example.org/" }).PUBLIC_URL).toBe("https://signpost.example.org");
  expect(() => parseEnv({ PUBLIC_URL: "https://signpost.example.org/app" })).toThrow(/PUBLIC_URL: must be an origin only/);
  expect(() => parseEnv({ PUBLIC_URL: "ftp://signpost.example.org" })).toThrow(/PUBLIC_URL/);
});
