import { en, type MessageKey } from "./messages.en.ts";
import { es } from "./messages.es.ts";
import { fr } from "./messages.fr.ts";
import { simpler } from "./messages.simple.ts";
import { isPublicKey } from "./public-keys.ts";
import { translatorFrom, type Locale, type Translate } from "./translate.ts";

// The message catalogues stay on the server: the root loader sends the page
// only the catalogue of its own language, which keeps JavaScript light.

export type Messages = Record<MessageKey, string>;

/** Every key in `locale` (English where a staff key has no translation), in simpler words when asked. */
export function messagesFor(locale: Locale, options: { simple?: boolean; publicOnly?: boolean } = {}): Messages {
  const catalogue = locale === "es" ? es : locale === "fr" ? fr : {};
  const all: Messages = { ...en, ...catalogue, ...(options.simple ? simpler[locale] : {}) };
  if (!options.publicOnly) return all;
  // Public pages need only public wording: less to send to a phone.
  return Object.fromEntries(Object.entries(all).filter(([key]) => isPublicKey(key))) as Messages;
}

export function translator(locale: Locale, options: { simple?: boolean } = {}): Translate {
  return translatorFrom(messagesFor(locale, options));
}
