import type { AudienceCode, CategoryCode } from "./taxonomy.ts";

// Plain-language starting points on the home page. Each leads to the right
// services and guidance. "my-thoughts" is for people worried about their own
// thoughts: its page is separate and is not linked from the survivor paths.

export type HelpPath = {
  categories: CategoryCode[];
  audience?: AudienceCode;
  /** Helplines open now, by how the person wants to reach them. */
  openNow?: boolean;
  /** How many guidance paragraphs the page shows (paths.<id>.guidance1…N). */
  guidance: number;
};

export const HELP_PATHS = {
  "saw-images": { categories: ["report-abuse-material"], guidance: 3 },
  "image-shared": { categories: ["image-removal", "child-helpline"], guidance: 3 },
  talk: { categories: ["child-helpline", "counselling", "peer-support"], openNow: true, guidance: 1 },
  "worried-about-a-child": { categories: ["child-helpline", "information", "report-abuse-material"], audience: "parents-carers", guidance: 2 },
  "my-thoughts": { categories: ["prevention"], guidance: 2 },
} as const satisfies Record<string, HelpPath>;

export type HelpPathId = keyof typeof HELP_PATHS;
export const HELP_PATH_IDS = Object.keys(HELP_PATHS) as HelpPathId[];
export const SURVIVOR_PATH_IDS = HELP_PATH_IDS.filter((id) => id !== "my-thoughts");
