// npm run admin:create — creates the first admin (or any staff account) from the command line.
//   npm run admin:create                        asks for each value
//   npm run admin:create -- --email a@b.org --name "Ada" --password "…" [--role moderator]
// The admin enrols in two-factor authentication at first sign-in.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateDatabase, openDatabase } from "#app/database/local-database.server.ts";
import { ROLES } from "#app/modules/accounts/permissions.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    role: { type: "string", multiple: true },
  },
});

async function ask(question: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

const InputSchema = z.object({
  email: z.email("Enter a valid email address."),
  name: z.string().trim().min(2, "Enter a name."),
  password: z.string().min(12, "Use at least 12 characters."),
  roles: z.array(z.enum(ROLES)).min(1),
});

const input = InputSchema.safeParse({
  email: await ask("Email: ", values.email),
  name: await ask("Name: ", values.name),
  password: await ask("Password (12+ characters): ", values.password),
  roles: values.role?.length ? values.role : ["admin"],
});
if (!input.success) {
  for (const issue of input.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  await migrateDatabase(database);
  const { createUserWithPassword } = await import("#app/modules/accounts/users.server.ts");
  const user = await createUserWithPassword(input.data);
  console.log(`Created ${user.email} with roles: ${input.data.roles.join(", ")}. Sign in at /login.`);
  const { prisma } = await import("#app/db.server.ts");
  await prisma.$disconnect();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
