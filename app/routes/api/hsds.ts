import type { Route } from "./+types/hsds";
import { handleHsdsRequest } from "#app/modules/hsds/api.server.ts";
import { clientAddressContext } from "#app/request-context.server.ts";

// /api/hsds/… — the read-only Open Referral HSDS 3.0 API (app/modules/hsds).
export function loader({ request, params, context }: Route.LoaderArgs) {
  return handleHsdsRequest(request, `/${params["*"] ?? ""}`, context.get(clientAddressContext));
}
