// The field reference of docs/scenario-authoring.md, generated from scenarios/schema.json so it cannot
// drift: tests/unit/scenario-docs.test.ts fails when they differ (UPDATE_REFERENCE=1 rewrites the guide).
import { DEFAULT_RULES } from '../engine';
import schema from '../../scenarios/schema.json';

interface SchemaNode {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  pattern?: string;
}

const root = schema as unknown as SchemaNode & { definitions: Record<string, SchemaNode>; else?: { required?: string[] } };
export const REFERENCE_START = '<!-- reference:start (generated from scenarios/schema.json by src/scenario/schema-doc.ts) -->';
export const REFERENCE_END = '<!-- reference:end -->';

const defName = (ref: string) => ref.replace('#/definitions/', '');
const isObjectDef = (n: SchemaNode) => n.type === 'object' && (n.properties !== undefined || typeof n.additionalProperties === 'object');

/** A short description of what a value may be. */
function typeOf(n: SchemaNode): string {
  if (n.$ref) {
    const name = defName(n.$ref);
    return `[${name}](#${name.toLowerCase()})`;
  }
  if (n.enum) return n.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (n.oneOf) return n.oneOf.map(typeOf).join(' or ');
  const range = (lo?: number, hi?: number, open = false) =>
    lo !== undefined && hi !== undefined ? ` ${lo}${open ? ' (exclusive)' : ''}–${hi}` : lo !== undefined ? ` ≥ ${lo}${open ? ' (exclusive)' : ''}` : hi !== undefined ? ` ≤ ${hi}` : '';
  switch (n.type) {
    case 'array':
      return `list of ${n.items ? typeOf(n.items) : 'values'}${n.minItems ? ` (at least ${n.minItems})` : ''}`;
    case 'object':
      if (n.properties) return `{ ${Object.keys(n.properties).map((k) => (n.required ?? []).includes(k) ? k : `${k}?`).join(', ')} }`;
      if (typeof n.additionalProperties === 'object') return `mapping of ${n.propertyNames ? typeOf(n.propertyNames) : 'name'} → ${typeOf(n.additionalProperties)}`;
      return 'mapping';
    case 'integer':
      return `whole number${range(n.minimum, n.maximum)}`;
    case 'number':
      return `number${n.exclusiveMinimum !== undefined ? range(n.exclusiveMinimum, n.maximum, true) : range(n.minimum, n.maximum)}`;
    case 'string':
      return n.pattern ? 'text (see pattern)' : 'text';
    case 'boolean':
      return 'true / false';
    default:
      return n.type ?? 'value';
  }
}

/** The rules' defaults come from the engine, which owns them. */
function withDefault(field: string, description: string): string {
  const rules = DEFAULT_RULES as unknown as Record<string, unknown>;
  const value = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), rules);
  if (!inRules || value === undefined || (typeof value === 'object' && Object.values(value as object).some((v) => typeof v === 'object'))) return description;
  const shownValue = typeof value === 'object' ? `{ ${Object.entries(value as object).map(([k, v]) => `${k}: ${String(v)}`).join(', ')} }` : String(value);
  return `${description} Default: ${shownValue}.`.trim();
}
let inRules = false;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Table rows for an object's fields, with nested inline objects flattened as dotted names. */
function rows(n: SchemaNode, prefix: string, required: string[], out: string[]): void {
  for (const [name, p] of Object.entries(n.properties ?? {})) {
    const field = `${prefix}${name}`;
    const req = required.includes(name) ? 'yes' : '';
    out.push(`| \`${field}\` | ${cell(typeOf(p))} | ${req} | ${cell(withDefault(field, p.description ?? ''))} |`);
    if (!p.$ref && p.type === 'object' && (p.properties || p.patternProperties)) rows(p, `${field}.`, p.required ?? [], out);
    if (!p.$ref && p.type === 'array' && p.items && !p.items.$ref && p.items.properties) rows(p.items, `${field}[].`, p.items.required ?? [], out);
  }
  for (const [pattern, p] of Object.entries(n.patternProperties ?? {}))
    out.push(`| \`${prefix}<${pattern === '^[A-Z]+$' ? 'EVENT' : 'name'}>\` | ${cell(typeOf(p))} |  | ${cell(p.description ?? '')} |`);
}

const HEADER = ['| Field | Value | Required | Meaning and default |', '|---|---|---|---|'];

/** Every field name the reference documents, as written in its tables (for the drift test). */
export function schemaFieldNames(): string[] {
  return referenceMarkdown()
    .split('\n')
    .map((l) => /^\| `([^`]+)`/.exec(l)?.[1])
    .filter((x): x is string => x !== undefined);
}

export function referenceMarkdown(): string {
  const out: string[] = [];
  out.push('### Scenario (top level)', '', root.description ?? '', '', ...HEADER);
  rows(root, '', root.else?.required ?? root.required ?? [], out);
  for (const [name, def] of Object.entries(root.definitions)) {
    if (!isObjectDef(def)) continue;
    out.push('', `### ${name}`, '');
    if (def.description) out.push(def.description, '');
    out.push(...HEADER);
    inRules = name === 'rules';
    if (def.properties) rows(def, '', def.required ?? [], out);
    else out.push(`| \`<${def.propertyNames ? typeOf(def.propertyNames).replace(/\[|\]\(.*\)/g, '') : 'name'}>\` | ${cell(typeOf(def.additionalProperties as SchemaNode))} |  |  |`);
    inRules = false;
  }
  out.push('', '### Value types', '', '| Type | Value | Meaning |', '|---|---|---|');
  for (const [name, def] of Object.entries(root.definitions)) {
    if (isObjectDef(def)) continue;
    const shape = def.oneOf ? def.oneOf.map(typeOf).join(' or ') : typeOf({ ...def, description: undefined });
    const pattern = def.pattern ? ` Pattern: \`${def.pattern}\`.` : '';
    out.push(`| <a id="${name.toLowerCase()}"></a>\`${name}\` | ${cell(shape)} | ${cell((def.description ?? '') + pattern)} |`);
  }
  return out.join('\n');
}

/** Replace the generated part of the authoring guide. */
export function withReference(doc: string): string {
  const a = doc.indexOf(REFERENCE_START);
  const b = doc.indexOf(REFERENCE_END);
  if (a < 0 || b < a) throw new Error(`the guide has no ${REFERENCE_START} ... ${REFERENCE_END} markers`);
  return `${doc.slice(0, a + REFERENCE_START.length)}\n\n${referenceMarkdown()}\n\n${doc.slice(b)}`;
}
