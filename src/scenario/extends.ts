// `extends`: a scenario that starts from another and overrides parts of it.
// Mappings merge field by field; lists of things with ids merge by id (an item with a known id
// changes that item, a new id is added, `{ id: x, remove: true }` drops one); other values replace.

type Data = Record<string, unknown>;
const isObject = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasIds = (list: unknown[]) => list.every((x) => isObject(x) && typeof x.id === 'string');

export function mergeScenarioData(base: unknown, override: unknown): unknown {
  if (isObject(base) && isObject(override)) {
    const out: Data = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeScenarioData(base[k], v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(override) && hasIds(base) && hasIds(override)) {
    const out = [...base] as Data[];
    for (const item of override as Data[]) {
      const at = out.findIndex((x) => x.id === item.id);
      if (item.remove === true) {
        if (at >= 0) out.splice(at, 1);
      } else if (at >= 0) out[at] = mergeScenarioData(out[at], item) as Data;
      else out.push(item);
    }
    return out;
  }
  return override;
}
