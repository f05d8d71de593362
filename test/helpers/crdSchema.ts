// A CRD's openAPIV3Schema as a JSON Schema that ajv can check, rejecting unknown
// fields as the Kubernetes API server does (structural schemas prune or, with
// fieldValidation=Strict, reject them): every object with properties and no
// x-kubernetes-preserve-unknown-fields gets additionalProperties: false.
// x-kubernetes-validations (CEL) are not evaluated here: the tests read the ones
// they rely on (name lengths) from the CRD text.
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import * as k8s from '@kubernetes/client-node';

type S = Record<string, unknown>;

function convert(s: S): S {
  const out: S = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-kubernetes-') || k === 'description' || k === 'default' || k === 'nullable' || k === 'format') continue;
    if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as Record<string, S>).map(([p, ps]) => [p, convert(ps)]));
    else if (k === 'items' || k === 'additionalProperties') out[k] = typeof v === 'object' ? convert(v as S) : v;
    else if (k === 'anyOf' || k === 'allOf' || k === 'oneOf') out[k] = (v as S[]).map(convert);
    else out[k] = v;
  }
  if (s['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (s.nullable) out.type = out.type ? [out.type, 'null'].flat() : undefined;
  if (out.properties && out.additionalProperties === undefined && !s['x-kubernetes-preserve-unknown-fields'])
    out.additionalProperties = false;
  return out;
}

export interface Crd {
  kind: string;
  group: string;
  versions: string[];
  /** CEL `size(self.metadata.name) <= N` limit, if the CRD has one */
  nameLimit?: number;
  validate(obj: unknown): string[];
}

export function loadCrd(file: string): Crd {
  const raw = fs.readFileSync(file);
  const text = file.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const doc = k8s.loadYaml<{
    spec: { group: string; names: { kind: string }; versions: Array<{ name: string; schema: { openAPIV3Schema: S } }> };
  }>(text);
  const v = doc.spec.versions[0];
  const schema = convert(v.schema.openAPIV3Schema);
  // metadata is validated by the API server itself; the CRD says only "type: object"
  (schema.properties as S).metadata = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      namespace: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
    additionalProperties: false,
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  const limit = /size\(self\.metadata\.name\) <= (\d+)/.exec(text);
  return {
    kind: doc.spec.names.kind,
    group: doc.spec.group,
    versions: doc.spec.versions.map((x) => x.name),
    nameLimit: limit ? Number(limit[1]) : undefined,
    validate(obj) {
      if (check(obj)) return [];
      return (check.errors ?? []).map(
        (e) =>
          `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`,
      );
    },
  };
}
