import spec from "./spec/openapi.json" with { type: "json" };

// The API's OpenAPI document: Open Referral's HSDS 3.0 openapi.json with
// Signpost's details, its server address, and the ORUK filters it also takes.

const extensionParameters = {
  minimum_age: { name: "minimum_age", in: "query", required: false, description: "ORUK: services for people of at least this age (services without an upper limit included).", schema: { type: "integer" } },
  maximum_age: { name: "maximum_age", in: "query", required: false, description: "ORUK: services for people of at most this age (services without a lower limit included).", schema: { type: "integer" } },
  day: { name: "day", in: "query", required: false, description: "ORUK: open at some time on this day (MO … SU), by the service's own clock.", schema: { type: "string", enum: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] } },
  start_time: { name: "start_time", in: "query", required: false, description: "ORUK: with day, open at some time from this time (HH:MM).", schema: { type: "string" } },
  end_time: { name: "end_time", in: "query", required: false, description: "ORUK: with day, open at some time before this time (HH:MM).", schema: { type: "string" } },
};

export function openApiDocument(origin: string): unknown {
  const document = structuredClone(spec) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  document.info = {
    title: "Signpost HSDS API",
    version: "1.0.0",
    summary: "Vetted support services for people affected by child sexual abuse and exploitation, as Open Referral HSDS 3.0.",
    description:
      "Read-only, no key. Only published services. Categories and audiences are published as taxonomies; the safety disclosure (anonymous contact, whether the service tells the police or parents) and access features as attributes of a 'Signpost safety disclosure' taxonomy; assured_date is the day a moderator last confirmed the listing. Rate limited per client (429 with Retry-After).",
    license: { name: "Open Database License (ODbL) 1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/" },
  };
  document.servers = [{ url: `${origin}/api/hsds`, description: "This Signpost" }];
  document.components.parameters = { ...document.components.parameters, ...extensionParameters };
  const services = document.paths["/services"].get;
  const refs = Object.keys(extensionParameters).map((name) => ({ $ref: `#/components/parameters/${name}` }));
  services.parameters = [...services.parameters, ...refs];
  return document;
}
