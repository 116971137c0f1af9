// Our categories of help and audiences. The rows live in the database (inserted
// by a migration, with stable ids for the HSDS API); these codes are the same
// and let forms and URLs be validated without a query.

export const CATEGORY_CODES = [
  "report-abuse-material",
  "image-removal",
  "child-helpline",
  "counselling",
  "legal-help",
  "medical-care",
  "police",
  "shelter",
  "peer-support",
  "prevention",
  "information",
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const AUDIENCE_CODES = [
  "children",
  "teenagers",
  "adult-survivors",
  "parents-carers",
  "professionals",
  "worried-about-own-behaviour",
] as const;
export type AudienceCode = (typeof AUDIENCE_CODES)[number];

export const TAXONOMY = { category: "category", audience: "audience" } as const;

/** Ways to get in touch, as the search filter names them (contact_kinds in the database). */
export const CONTACT_CODES = ["call", "text", "chat", "email", "walk-in", "online"] as const;
export type ContactCode = (typeof CONTACT_CODES)[number];

/** Access a service can offer; moderators tick them in the editor. */
export const ACCESS_CODES = ["step-free", "sign-language", "interpreters", "easy-read", "text-relay"] as const;
export type AccessCode = (typeof ACCESS_CODES)[number];
