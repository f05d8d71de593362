// The official SARIF 2.1.0 JSON schema, as shipped inside the npm package
// @datadog/datadog-ci-plugin-sarif (Apache-2.0), which validates uploads with it.
// No registry package ships the bare schema file, so we read the object literal
// out of that package's bundle (pinned version) and hand it to Ajv.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';

export function loadSarifSchema(): object | undefined {
  let file: string;
  try {
    file = require.resolve('@datadog/datadog-ci-plugin-sarif');
  } catch {
    return undefined;
  }
  const src = fs.readFileSync(file, 'utf8');
  const marker = 'var sarif_schema_2_1_0_default = ';
  const i = src.indexOf(marker);
  if (i === -1) throw new Error('SARIF schema not found in @datadog/datadog-ci-plugin-sarif: the pinned version changed?');
  let depth = 0;
  let j = i + marker.length;
  let inStr: string | null = null;
  for (; j < src.length; j++) {
    const c = src[j];
    if (inStr) {
      if (c === '\\') j++;
      else if (c === inStr) inStr = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') inStr = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
  }
  const literal = src.slice(i + marker.length, j + 1);
  const schema = new Function(`return (${literal});`)() as Record<string, unknown>;
  if (schema.title !== 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema') throw new Error('unexpected SARIF schema title');
  return schema;
}

export function validator(schema: object) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
