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
// Every page asks for one of a dozen combinations: each is built once.
const built = new Map<string, Messages>();

export function messagesFor(locale: Locale, options: { simple?: boolean; publicOnly?: boolean } = {}): Messages {
  const key = `${locale}:${options.simple ? 1 : 0}:${options.publicOnly ? 1 : 0}`;
  let messages = built.get(key);
  if (!messages) {
    const catalogue = locale === "es" ? es : locale === "fr" ? fr : {};
    const all: Messages = { ...en, ...catalogue, ...(options.simple ? simpler[locale] : {}) };
    // Public pages need only public wording: less to send to a phone.
    messages = options.publicOnly ? (Object.fromEntries(Object.entries(all).filter(([name]) => isPublicKey(name))) as Messages) : all;
    built.set(key, messages);
  }
  return messages;
}

export function translator(locale: Locale, options: { simple?: boolean } = {}): Translate {
  return translatorFrom(messagesFor(locale, options));
}
