// Creates a caseworker and a session in DATABASE_URL's database and prints the
// session token. Run as its own process so a test's database stays its own.
const { createUserWithPassword } = await import("#app/modules/accounts/users.server.ts");
const { createSession } = await import("#app/modules/accounts/sessions.server.ts");
const { prisma } = await import("#app/db.server.ts");
const user = await createUserWithPassword({
  email: `session-${Date.now()}@example.org`,
  name: "Case Worker",
  password: "a long session test passphrase",
  roles: ["caseworker"],
});
const { token } = await createSession(user.id, { twoFactorVerified: false });
await prisma.$disconnect();
process.stdout.write(token);
export {};
