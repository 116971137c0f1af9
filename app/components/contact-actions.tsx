import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { ContactView } from "#app/modules/directory/service-summary.server.ts";

/** Large tap targets: call, text, chat… each a real link the phone or browser understands. */
export function ContactActions({ contacts }: { contacts: ContactView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="contact-actions">
      {contacts.map((contact) => (
        <li key={`${contact.kind}:${contact.value}`}>
          {contact.href ? (
            <a className={`contact contact-${contact.kind.toLowerCase()}`} href={contact.href} rel="noreferrer">
              <span className="contact-kind">{t(`contact.${contact.kind}`)}</span>
              <span className="contact-value">{displayValue(contact)}</span>
              {contact.label ? <span className="contact-label">{contact.label}</span> : null}
            </a>
          ) : (
            <span className={`contact contact-${contact.kind.toLowerCase()}`}>
              <span className="contact-kind">{t(`contact.${contact.kind}`)}</span>
              <span className="contact-value">{contact.value}</span>
              {contact.label ? <span className="contact-label">{contact.label}</span> : null}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

// Phone numbers and addresses are shown as written; web links by their site
// name, which is what a person checks before trusting a link.
function displayValue(contact: ContactView): string {
  if (!contact.href || !contact.href.startsWith("http")) return contact.value;
  return new URL(contact.href).hostname;
}
