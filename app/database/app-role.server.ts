import pg from "pg";
import { withConnection } from "./connection.server.ts";

// Two database roles (docs/deploy.md): the schema's owner runs migrations,
// backups and restores; the app connects as a role that may read and write
// rows and nothing more. Not a superuser and not the owner, the app's role
// cannot switch the audit log's append-only trigger off (ALTER TABLE … DISABLE
// TRIGGER, SET session_replication_role = replica), drop it, or replace its
// function; and it has no UPDATE, DELETE or TRUNCATE on the audit log at all.

/** The role the embedded database makes for the app; docker-compose makes the same. */
export const EMBEDDED_APP_ROLE = "signpost_app";

/** The role a connection string signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same connection string, signing in as another role. */
export function signingInAs(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Makes `role` a login role with `password` and no special powers, or resets
 * it to that. Needs a role allowed to create roles (the embedded superuser).
 */
export async function ensureAppRole(adminUrl: string, role: string, password: string): Promise<void> {
  const name = pg.escapeIdentifier(role);
  await withConnection(adminUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE ROLE ${name}`).catch((error: { code?: string }) => {
        if (error.code !== "42710") throw error; // made meanwhile by another process
      });
    }
    await client.query(
      `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${pg.escapeLiteral(password)}`,
    );
  });
}

/**
 * Grants `role` what the app needs in the database `ownerUrl` points to, as
 * that database's owner, after every migration and restore: rows of every
 * table, but only SELECT and INSERT on the audit log and only SELECT on the
 * migrations' own table; sequences; functions. Default privileges cover
 * tables a later migration adds. Idempotent, in one transaction.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const app = pg.escapeIdentifier(role);
  await withConnection(ownerUrl, async (client) => {
    const { rows } = await client.query<{ database: string }>("SELECT current_database() AS database");
    await client.query(`BEGIN;
      GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(rows[0]!.database)} TO ${app};
      GRANT USAGE ON SCHEMA public TO ${app};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      REVOKE UPDATE, DELETE ON audit_event FROM ${app};
      REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app};
      COMMIT;`);
  });
}

/**
 * What the app's role may do that it should not: empty when it is neither a
 * superuser nor the owner of the audit log. Logged at start-up when not empty.
 */
export async function appRoleWeaknesses(appUrl: string): Promise<string[]> {
  return withConnection(appUrl, async (client) => {
    const { rows } = await client.query<{ superuser: boolean; owns_audit: boolean; may_change_audit: boolean }>(`
      SELECT r.rolsuper AS superuser,
             pg_has_role(current_user, t.tableowner, 'USAGE') AS owns_audit,
             has_table_privilege('audit_event', 'UPDATE, DELETE, TRUNCATE') AS may_change_audit
        FROM pg_roles r, pg_tables t
       WHERE r.rolname = current_user AND t.schemaname = 'public' AND t.tablename = 'audit_event'`);
    const row = rows[0];
    if (!row) return [];
    return [
      ...(row.superuser ? ["is a superuser"] : []),
      ...(row.owns_audit && !row.superuser ? ["owns the tables"] : []),
      ...(row.may_change_audit && !row.superuser && !row.owns_audit ? ["may change or delete audit rows"] : []),
    ];
  });
}
