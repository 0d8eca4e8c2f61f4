// Validates JSON documents against the official HSDS 3.1 JSON schemas with ajv (JSON Schema 2020-12, the dialect
// that HSDS's openapi.json declares; the schema files themselves name none).
//
//   node validate.mjs <hsds-3.1 folder> <input.json>
//
// input.json is an array of { "name": string, "schema": spec, "document": any }, where spec is one of
//   { "openapi": "/services", "status": "200" }   the response schema that openapi.json gives for GET on that path
//   { "ref": "location.json", "page": true }      a page envelope (components/schemas/Page) whose contents are these
//   { "ref": "compiled/service.json" }            one schema file
// Prints one JSON array of { name, valid, errors } and exits 1 when any document is invalid, 2 on a usage error.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaDir, inputPath] = process.argv.slice(2);
if (!schemaDir || !inputPath) {
  console.error("usage: node validate.mjs <hsds-3.1 folder> <input.json>");
  process.exit(2);
}

// openapi.json refers to the schema files by their published URL (under .../3.0/schema/ even in the 3.1 release);
// each local file is registered under that URL, so those references and the files' relative ones both resolve here.
const BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
const COMPONENTS = "https://startpunt.invalid/hsds-openapi-components";

// strict: false because the files carry HSDS's own annotations (constraints, core, example, datapackage_*), which
// are not JSON Schema keywords. Formats (uuid, uri, email, date-time, date) are checked.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

const read = (file) => JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
  ajv.addSchema({ ...read(file), $id: BASE + file });
}
// The self-contained compiled schemas (entities with their related entities inlined, as an API returns them).
for (const name of ["service", "service_list", "organization", "organization_list", "service_at_location", "service_at_location_list"]) {
  ajv.addSchema({ ...read(`compiled/${name}.json`), $id: `${BASE}compiled/${name}.json` });
}

const openapi = read("openapi.json");
const rewrite = (node) => {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node && typeof node === "object") {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")
        ? `${COMPONENTS}#/$defs/${v.substring("#/components/schemas/".length)}`
        : rewrite(v);
    }
    return out;
  }
  return node;
};
ajv.addSchema({ $id: COMPONENTS, $defs: rewrite(openapi.components.schemas) });

const cache = new Map();
function validatorFor(spec) {
  const key = JSON.stringify(spec);
  if (cache.has(key)) return cache.get(key);
  let schema;
  if (spec.openapi) {
    const operation = openapi.paths[spec.openapi]?.get;
    const response = operation?.responses?.[spec.status ?? "200"]?.content?.["application/json"]?.schema;
    if (!response) throw new Error(`openapi.json has no JSON response for GET ${spec.openapi}`);
    schema = rewrite(response);
  } else if (spec.ref && spec.page) {
    schema = { allOf: [{ $ref: `${COMPONENTS}#/$defs/Page` }], properties: { contents: { type: "array", items: { $ref: BASE + spec.ref } } } };
  } else if (spec.ref) {
    schema = { $ref: BASE + spec.ref };
  } else {
    throw new Error(`unknown schema spec ${key}`);
  }
  const validate = ajv.compile(schema);
  cache.set(key, validate);
  return validate;
}

const results = [];
for (const item of JSON.parse(readFileSync(inputPath, "utf8"))) {
  try {
    const validate = validatorFor(item.schema);
    const valid = validate(item.document);
    results.push({
      name: item.name,
      valid,
      errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`),
    });
  } catch (e) {
    results.push({ name: item.name, valid: false, errors: [String(e.message ?? e)] });
  }
}
console.log(JSON.stringify(results));
process.exit(results.every((r) => r.valid) ? 0 : 1);
