import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// The whole site. Public pages set no cookies and need no sign-in; every
// loader and action under /account, /admin, /moderation and /caseworker calls
// requireUser or requirePermission (tests/e2e/route-access.spec.ts checks each).
export default [
  // Public, in every language: /search, /es/search, /fr/search…
  route(":lang?", "routes/public/locale-layout.tsx", [
    index("routes/public/home.tsx"),
    route("search", "routes/public/search.tsx"),
    route("services/:slug", "routes/public/service.tsx"),
    route("services/:slug/report", "routes/public/report.tsx"),
    route("safety", "routes/public/safety.tsx"),
    route("help/:path", "routes/public/help-path.tsx"),
    route("suggest", "routes/public/suggest.tsx"),
    route("request-access", "routes/public/request-access.tsx"),
    route("p/:token", "routes/public/pack.tsx"),
    route("p/:token/print", "routes/public/pack-print.tsx"),
  ]),

  // Open Referral HSDS 3.0, read-only JSON for partners (docs/hsds.md)
  route("api/hsds/*", "routes/api/hsds.ts"),

  // Signing in (staff)
  route("login", "routes/auth/login.tsx"),
  route("login/two-factor", "routes/auth/login-two-factor.tsx"),
  route("logout", "routes/auth/logout.tsx"),
  route("invitations/:token", "routes/auth/invitation.tsx"),
  route("reset-password", "routes/auth/reset-password-request.tsx"),
  route("reset-password/:token", "routes/auth/reset-password.tsx"),

  // Staff areas
  layout("routes/staff/layout.tsx", [
    route("account", "routes/staff/account.tsx"),
    route("account/password", "routes/staff/account-password.tsx"),
    route("account/two-factor", "routes/staff/account-two-factor.tsx"),
    route("admin", "routes/admin/index.tsx"),
    route("admin/users", "routes/admin/users.tsx"),
    route("admin/users/:userId", "routes/admin/user.tsx"),
    route("admin/invitations", "routes/admin/invitations.tsx"),
    route("admin/access-requests", "routes/admin/access-requests.tsx"),
    route("admin/organizations", "routes/admin/organizations.tsx"),
    route("admin/organizations/:organizationId", "routes/admin/organization.tsx"),
    route("admin/audit", "routes/admin/audit.tsx"),
    route("moderation", "routes/moderation/index.tsx"),
    route("moderation/services", "routes/moderation/listings.tsx"),
    route("moderation/services/new", "routes/moderation/listing-new.tsx"),
    route("moderation/services/:serviceId", "routes/moderation/listing-edit.tsx"),
    route("moderation/services/:serviceId/verify", "routes/moderation/listing-verify.tsx"),
    route("moderation/revisions/:revisionId", "routes/moderation/revision.tsx"),
    route("moderation/import", "routes/moderation/import.tsx"),
    route("caseworker", "routes/caseworker/index.tsx"),
    route("caseworker/lists/:listId", "routes/caseworker/list.tsx"),
    route("caseworker/save", "routes/caseworker/save.tsx"),
    route("caseworker/packs", "routes/caseworker/packs.tsx"),
    route("caseworker/packs/new", "routes/caseworker/pack-new.tsx"),
  ]),

  route("*", "routes/public/not-found.tsx"),
] satisfies RouteConfig;
