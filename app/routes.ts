import { type RouteConfig, index, route } from "@react-router/dev/routes";

// The whole site. Public pages set no cookies and need no sign-in.
export default [
  index("routes/public/home.tsx"),
  route("search", "routes/public/search.tsx"),
  route("services/:slug", "routes/public/service.tsx"),
  route("*", "routes/public/not-found.tsx"),
] satisfies RouteConfig;
