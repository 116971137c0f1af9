import { data } from "react-router";

// Any address that is not a page: a proper 404, rendered by the root error page.
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
