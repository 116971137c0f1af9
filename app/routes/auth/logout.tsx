import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import { clearSessionCookie, invalidateSession } from "#app/modules/accounts/sessions.server.ts";
import { clientAddressContext, staffSessionContext } from "#app/request-context.server.ts";

// Signing out deletes the session row: the cookie is worthless afterwards, wherever it went.
export async function action({ context }: Route.ActionArgs) {
  const session = context.get(staffSessionContext);
  if (session) {
    await invalidateSession(session.id);
    await recordAudit({
      action: "sign_out",
      actor: { id: session.user.id, email: session.user.email },
      targetType: "session",
      targetId: session.id,
      clientAddress: context.get(clientAddressContext),
    });
  }
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export function loader() {
  return redirect("/login");
}
