import { Links, Meta, Outlet, Scripts, ScrollRestoration, data, isRouteErrorResponse, useLocation, useMatches, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import stylesheet from "./styles/app.css?url";
import { parseEnv } from "#app/env.server.ts";
import { LOCALES, localeFromParam, localizePath, stripLocale, suggestedLocale } from "#app/modules/i18n/translate.ts";
import { messagesFor, translator } from "#app/modules/i18n/catalogues.server.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { ErrorPage } from "#app/components/error-page.tsx";
import { isAllowedMutation } from "#app/modules/accounts/same-origin.server.ts";
import {
  clearSessionCookie,
  readSessionToken,
  sessionCookie,
  sessionCookieName,
  validateSessionToken,
} from "#app/modules/accounts/sessions.server.ts";
import { staffSessionContext } from "#app/request-context.server.ts";
import { isStaffPath } from "#app/route-paths.ts";
import { isPackPath } from "#app/route-paths.ts";

/** Refuses any request that changes something unless it comes from our own pages (CSRF). */
const refuseCrossSiteMutations: Route.MiddlewareFunction = async ({ request }, next) => {
  if (!isAllowedMutation(request)) throw data({ kind: "forbidden" as const }, { status: 403 });
  return next();
};

/**
 * Staff only: reads the session cookie, validates and renews the session, and
 * refreshes or clears the cookie. Public visitors have no cookie, so nothing
 * is read and nothing is set for them.
 */
const loadStaffSession: Route.MiddlewareFunction = async ({ request, context }, next) => {
  const token = readSessionToken(request);
  if (!token) {
    context.set(staffSessionContext, null);
    return next();
  }
  const result = await validateSessionToken(token);
  context.set(staffSessionContext, result?.session ?? null);
  const response = await next();
  // A route that signed in or out has already set the cookie: leave it alone.
  const routeSetCookie = response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookieName()}=`));
  if (!routeSetCookie) {
    if (!result) response.headers.append("Set-Cookie", clearSessionCookie());
    else if (result.renewed) response.headers.append("Set-Cookie", sessionCookie(token, result.session));
  }
  return response;
};

export const middleware: Route.MiddlewareFunction[] = [refuseCrossSiteMutations, loadStaffSession];

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];


export function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeFromParam(params.lang);
  // Accept-Language only suggests a language; the URL decides it.
  const suggestion = params.lang ? null : suggestedLocale(request.headers.get("accept-language"), locale);
  // "Simpler words" lives in the URL, never in a cookie.
  const simple = new URL(request.url).searchParams.get("simple") === "1";
  return {
    locale,
    simple,
    // Only this page's language travels to the browser.
    // Staff see staff tools on public pages too (e.g. "Save to a list").
    messages: messagesFor(locale, { simple, publicOnly: !isStaffPath(new URL(request.url).pathname) && !context.get(staffSessionContext) }),
    suggestion: suggestion ? { locale: suggestion, text: translator(suggestion)("site.languageSuggestion", { language: new Intl.DisplayNames([suggestion], { type: "language" }).of(suggestion) ?? suggestion }) } : null,
    quickExitUrl: parseEnv().QUICK_EXIT_URL,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, locale, simple } = useTranslation();
  const quickExitUrl = data?.quickExitUrl ?? "https://www.bbc.com/weather";
  // Print views ask for a bare page: no navigation.
  const matches = useMatches();
  const bare = matches.some((match) => (match.handle as { bare?: boolean } | undefined)?.bare);
  // Public pages exist in every language; staff pages in English only.
  const isPublic = matches.some((match) => match.id === "routes/public/locale-layout");
  const location = useLocation();
  // On public pages a whole visit is one history entry (public/quick-exit.js).
  const oneHistoryEntry = !bare && !isStaffPath(location.pathname);
  const basePath = stripLocale(location.pathname);
  const inLanguage = (code: (typeof LOCALES)[number]) => `${localizePath(basePath, code)}${location.search}`;
  const toggled = new URLSearchParams(location.search);
  if (simple) toggled.delete("simple");
  else toggled.set("simple", "1");
  const simpleToggle = `${location.pathname}${toggled.size > 0 ? `?${toggled.toString()}` : ""}`;
  const languageName = (code: string) => new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  return (
    <html lang={locale} data-one-history-entry={oneHistoryEntry ? "" : undefined} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        {/* Plain, tiny and first: quick exit and one-entry history work before anything can be clicked. */}
        {bare ? null : <script src="/quick-exit.js" />}
        {/* A referral pack, found or gone: never indexed. */}
        {isPackPath(location.pathname) ? <meta name="robots" content="noindex, nofollow" /> : null}
        <Meta />
        <Links />
      </head>
      <body className={simple ? "simple" : undefined}>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        {bare ? null : (
        <header className="site-header">
          <a className="site-name" href={localizePath("/", locale, simple)}>
            {t("site.name")}
          </a>
          <span className="exit-area">
            <a className="safety-link" href={localizePath("/safety", locale, simple)}>
              {t("site.stayingSafe")}
            </a>
            <a
              className="leave-site"
              href={quickExitUrl}
              rel="noreferrer"
              title={t("site.leaveHint")}
              data-quick-exit=""
              suppressHydrationWarning
              data-hint-with-script={t("site.leaveHintScript")}
              data-two-more={t("site.exitTwoMore")}
              data-one-more={t("site.exitOneMore")}
            >
              {t("site.leave")}
            </a>
            <span className="visually-hidden" role="status" data-quick-exit-status="" />
          </span>
        </header>
        )}
        {!bare && isPublic ? (
          <nav className="languages" aria-label={t("site.language")}>
            {data?.suggestion ? (
              <p lang={data.suggestion.locale}>
                <a href={inLanguage(data.suggestion.locale)}>{data.suggestion.text}</a>
              </p>
            ) : null}
            <ul>
              <li>
                <a href={simpleToggle}>{simple ? t("site.usual") : t("site.simpler")}</a>
              </li>
              {LOCALES.map((code) => (
                <li key={code}>
                  {code === locale ? (
                    <span aria-current="true" lang={code}>
                      {languageName(code)}
                    </span>
                  ) : (
                    <a href={inLanguage(code)} lang={code} hrefLang={code}>
                      {languageName(code)}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" className={bare ? undefined : "page"}>
          {children}
        </main>
        {bare ? null : (
        <footer className="site-footer">
          <p>{t("site.privacy")}</p>
          <p className="demo-warning">{t("site.demoWarning")}</p>
          <p>
            <a href={localizePath("/suggest", locale)}>{t("suggest.link")}</a> ·{" "}
            <a href={localizePath("/request-access", locale)}>{t("site.requestAccess")}</a> ·{" "}
            <a href="/login">{t("site.staffSignIn")}</a>
          </p>
        </footer>
        )}
        {/* Public pages load whole (quick-exit.js) and keep nothing in the tab's storage. */}
        {oneHistoryEntry ? null : <ScrollRestoration />}
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error)) return <ErrorPage status={error.status} body={error.data} />;
  if (import.meta.env.DEV) console.error(error);
  return <ErrorPage status={500} />;
}
