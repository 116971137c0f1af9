import { describe, expect, test } from "vitest";
import { en } from "./messages.en.ts";
import { es } from "./messages.es.ts";
import { fr } from "./messages.fr.ts";
import { isPublicKey } from "./public-keys.ts";
import { localeFromParam, localizePath, stripLocale, suggestedLocale } from "./translate.ts";
import { translator } from "./catalogues.server.ts";

const publicKeys = Object.keys(en).filter(isPublicKey).sort();
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each([
  ["es", es],
  ["fr", fr],
] as const)("the %s catalogue", (_locale, catalogue) => {
  test("translates every public key, and nothing else", () => {
    expect(Object.keys(catalogue).sort()).toEqual(publicKeys);
  });

  test("keeps every placeholder, and translates the words", () => {
    for (const key of publicKeys) {
      const translated = (catalogue as Record<string, string>)[key]!;
      expect(placeholders(translated), key).toEqual(placeholders((en as Record<string, string>)[key]!));
      expect(translated.trim(), key).not.toBe("");
    }
  });
});

describe("locales in URLs", () => {
  test("the first segment names the language; English has none", () => {
    expect(localeFromParam("es")).toBe("es");
    expect(localeFromParam(undefined)).toBe("en");
    expect(localeFromParam("de")).toBe("en");
    expect(localizePath("/search?country=ES", "es")).toBe("/es/search?country=ES");
    expect(localizePath("/", "fr")).toBe("/fr");
    expect(localizePath("/search", "en")).toBe("/search");
    expect(stripLocale("/es/services/x")).toBe("/services/x");
    expect(stripLocale("/fr")).toBe("/");
    expect(stripLocale("/search")).toBe("/search");
  });

  test("Accept-Language only suggests a language we have", () => {
    expect(suggestedLocale("fr-FR,fr;q=0.9,en;q=0.8", "en")).toBe("fr");
    expect(suggestedLocale("de-DE,de;q=0.9,es;q=0.8", "en")).toBeNull();
    expect(suggestedLocale("en-GB", "en")).toBeNull();
    expect(suggestedLocale("es;q=0.2, fr;q=0.9", "en")).toBe("fr");
    expect(suggestedLocale(null, "en")).toBeNull();
  });

  test("a missing staff key falls back to English", () => {
    expect(translator("es")("admin.heading")).toBe("Administration");
    expect(translator("fr")("search.pageOf", { page: 2, pageCount: 5 })).toBe("Page 2 sur 5");
  });
});
