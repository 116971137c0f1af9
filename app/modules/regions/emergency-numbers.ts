// Emergency numbers by ISO 3166-1 country code: the number(s) that reach all
// emergency services (or police, where services have separate numbers).
// Source: national government pages as summarised in Wikipedia's "List of
// emergency telephone numbers" (checked 2026-11). 112 works on mobile phones
// across the European Union and in many other countries.
// Verify against the country's own government page before relying on an entry.

export type EmergencyNumbers = {
  /** The number(s) to call in any emergency, most widely known first. */
  main: string[];
  police?: string;
  ambulance?: string;
};

const EU_112: EmergencyNumbers = { main: ["112"] };

export const EMERGENCY_NUMBERS: Record<string, EmergencyNumbers> = {
  AR: { main: ["911"], ambulance: "107" },
  AT: { main: ["112"], police: "133", ambulance: "144" },
  AU: { main: ["000", "112"] },
  BE: { main: ["112"], police: "101" },
  BG: EU_112,
  BR: { main: ["190"], police: "190", ambulance: "192" },
  CA: { main: ["911"] },
  CH: { main: ["112"], police: "117", ambulance: "144" },
  CL: { main: ["133"], police: "133", ambulance: "131" },
  CO: { main: ["123"] },
  CY: EU_112,
  CZ: { main: ["112"], police: "158", ambulance: "155" },
  DE: { main: ["112"], police: "110" },
  DK: EU_112,
  EE: EU_112,
  ES: EU_112,
  FI: EU_112,
  FR: { main: ["112"], police: "17", ambulance: "15" },
  GB: { main: ["999", "112"] },
  GR: { main: ["112"], police: "100", ambulance: "166" },
  HR: EU_112,
  HU: EU_112,
  IE: { main: ["112", "999"] },
  IL: { main: ["100"], police: "100", ambulance: "101" },
  IN: { main: ["112"] },
  IS: EU_112,
  IT: EU_112,
  JP: { main: ["110"], police: "110", ambulance: "119" },
  KE: { main: ["999", "112"] },
  KR: { main: ["112"], police: "112", ambulance: "119" },
  LT: EU_112,
  LU: EU_112,
  LV: EU_112,
  MT: EU_112,
  MX: { main: ["911"] },
  MY: { main: ["999"] },
  NG: { main: ["112"] },
  NL: EU_112,
  NO: { main: ["112"], police: "112", ambulance: "113" },
  NZ: { main: ["111"] },
  PH: { main: ["911"] },
  PL: { main: ["112"], police: "997", ambulance: "999" },
  PT: EU_112,
  RO: EU_112,
  SE: EU_112,
  SG: { main: ["999"], police: "999", ambulance: "995" },
  SI: EU_112,
  SK: EU_112,
  TR: EU_112,
  UA: EU_112,
  US: { main: ["911"] },
  ZA: { main: ["10111", "112"], police: "10111", ambulance: "10177" },
};
