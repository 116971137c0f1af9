import { data } from "react-router";
import { renderSVG } from "uqr";
import { z } from "zod";
import type { Route } from "./+types/pack-print";
import { OpeningHoursList } from "#app/components/opening-hours-list.tsx";
import { publicOrigin } from "#app/env.server.ts";
import { openPack } from "#app/modules/referrals/packs.server.ts";
import { pageTitle } from "#app/modules/i18n/translate.ts";
import { useTranslation } from "#app/modules/i18n/use-translation.ts";

// The print version: no navigation, large phone numbers, hours, a QR code to
// the pack's page and the date printed. Laid out for A4 and Letter alike.
export const handle = { bare: true };

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "title.home") }];
}

export async function loader({ params }: Route.LoaderArgs) {
  const token = z.string().max(64).safeParse(params.token);
  const pack = await openPack(token.success ? token.data : "");
  if (pack.status === "gone") throw data({ kind: "pack-gone" as const }, { status: 410 });
  const url = `${publicOrigin()}/p/${params.token}`;
  return {
    message: pack.message,
    services: pack.services,
    qrSvg: renderSVG(url, { border: 1 }),
    printedOn: new Date().toISOString(),
  };
}

export default function PrintPack({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="print-pack">
      <header className="print-header">
        <div>
          <h1>{t("pack.publicHeading")}</h1>
          <p>{t("pack.printed", { date: date.format(new Date(loaderData.printedOn)) })}</p>
        </div>
        <figure className="qr">
          <div dangerouslySetInnerHTML={{ __html: loaderData.qrSvg }} />
          <figcaption>{t("pack.scan")}</figcaption>
        </figure>
      </header>
      {loaderData.message ? <blockquote className="pack-message">{loaderData.message}</blockquote> : null}
      {loaderData.services.map((service) => (
        <section key={service.id} className="print-service">
          <h2>{service.name}</h2>
          <p>{service.organizationName}</p>
          <ul className="print-contacts">
            {service.contacts.map((contact) => (
              <li key={`${contact.kind}:${contact.value}`}>
                <span className="contact-kind">{t(`contact.${contact.kind}`)}</span> <span className="print-value">{contact.value}</span>
                {contact.hours.length > 0 ? <OpeningHoursList periods={contact.hours} /> : null}
              </li>
            ))}
          </ul>
          {service.alwaysOpen ? <p>{t("open.alwaysOpen")}</p> : null}
        </section>
      ))}
    </article>
  );
}
