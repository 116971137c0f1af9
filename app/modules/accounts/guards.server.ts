import { data, redirect, type RouterContextProvider } from "react-router";
import { staffSessionContext } from "#app/request-context.server.ts";
import { requiresTwoFactor, type Permission } from "./permissions.ts";
import { readSessionToken, validateSessionToken, type StaffSession } from "./sessions.server.ts";

// The one guard every loader and action outside the public area calls.

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * A fully signed-in staff member: a valid session, and the second factor
 * checked when the account has one. Otherwise a redirect to sign in.
 */
export function requireUser(context: Readonly<RouterContextProvider>, request: Request): StaffSession {
  const session = context.get(staffSessionContext);
  if (!session) throw signInRedirect(request);
  if (session.user.totpEnabled && !session.twoFactorVerified) throw redirect("/login/two-factor");
  return session;
}

/**
 * requireUser, plus the permission (403 without it). Permissions of moderators
 * and admins also need two-factor authentication: the person is sent to enrol first.
 */
export function requirePermission(
  context: Readonly<RouterContextProvider>,
  request: Request,
  permission: Permission,
): StaffSession {
  const session = requireUser(context, request);
  if (!session.user.permissions.includes(permission)) {
    throw data({ kind: "forbidden" as const }, { status: 403 });
  }
  if (requiresTwoFactor(permission) && !session.twoFactorVerified) throw redirect("/account/two-factor");
  return session;
}

/**
 * For the production server, before a request's body is read: may the person
 * behind this Cookie header use `permission`? (The route still checks for itself.)
 */
export async function cookieMay(cookieHeader: string | undefined, permission: Permission): Promise<boolean> {
  const token = readSessionToken(new Request("http://signpost.invalid/", { headers: cookieHeader ? { cookie: cookieHeader } : {} }));
  const result = token ? await validateSessionToken(token).catch(() => null) : null;
  if (!result || !result.session.user.permissions.includes(permission)) return false;
  return !requiresTwoFactor(permission) || result.session.twoFactorVerified;
}
