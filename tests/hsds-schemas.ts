import fs from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// The official HSDS 3.0 JSON Schemas (app/modules/hsds/spec), all in one Ajv
// 2020-12 registry with format checks, so responses are validated offline.
// The spec's openapi.json refers to them by their GitHub address: those
// addresses are mapped to the same local files.

const SPEC = path.resolve(import.meta.dirname, "../app/modules/hsds/spec");
const REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of fs.readdirSync(SPEC).filter((name) => name.endsWith(".json") && name !== "openapi.json")) {
  const schema = JSON.parse(fs.readFileSync(path.join(SPEC, file), "utf8"));
  ajv.addSchema(schema, file);
  ajv.addSchema(schema, `${REMOTE}${file}`);
}
for (const file of fs.readdirSync(path.join(SPEC, "compiled"))) {
  const schema = JSON.parse(fs.readFileSync(path.join(SPEC, "compiled", file), "utf8"));
  ajv.addSchema(schema, `compiled/${file}`);
  ajv.addSchema(schema, `${REMOTE}compiled/${file}`);
}

const validators = new Map<string, ValidateFunction>();

/** Problems with `value` against the named schema ("service.json", "compiled/service_list.json"); empty when valid. */
export function schemaProblems(schema: string, value: unknown): string[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.getSchema(schema);
    if (!validate) throw new Error(`No such HSDS schema: ${schema}`);
    validators.set(schema, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
}

/** Paths of null values, empty strings and empty arrays: HSDS leaves out what it does not have. */
export function emptyFields(value: unknown, at = ""): string[] {
  if (value === null || value === "") return [at || "/"];
  if (Array.isArray(value)) return value.length === 0 ? [at || "/"] : value.flatMap((item, index) => emptyFields(item, `${at}/${index}`));
  if (typeof value === "object") return Object.entries(value as object).flatMap(([key, item]) => emptyFields(item, `${at}/${key}`));
  return [];
}
