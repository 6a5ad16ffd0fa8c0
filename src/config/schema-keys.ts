import type { z } from "zod";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object in the schema accepts at a document path; used to suggest a fix for a typo. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const candidates = unwrap(schema);
  if (path.length === 0) return candidates.flatMap((s) => Object.keys(defOf(s).shape ?? {}));
  const [head, ...rest] = path;
  return candidates.flatMap((s) => {
    const def = defOf(s);
    if (def.type === "array" && def.element && typeof head === "number") {
      return keysAt(def.element, rest);
    }
    const child = typeof head === "string" ? def.shape?.[head] : undefined;
    return child ? keysAt(child, rest) : [];
  });
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.options) return def.options.flatMap(unwrap);
  const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  return inner ? unwrap(inner) : [schema];
}
