import { createContext } from "react-router";
import type { StaffSession } from "#app/modules/accounts/sessions.server.ts";

// Values the server attaches to each request, read by middleware, loaders and actions.

/** The client's network address, for rate limits and (hashed) the audit log. Never logged raw. */
export const clientAddressContext = createContext<string | null>(null);

/** The signed-in staff session, or null for the public. Set by the root middleware. */
export const staffSessionContext = createContext<StaffSession | null>(null);
