// The kit of tests/fastapi/kits/kit.ts in zod 4: its schemas are zod's own, as a user writes them.
import * as z from "zod";
import { type Kit, type Schema, type Shape, parseWith } from "./kit.js";

/** A kit schema as the zod schema it is. */
const zod = <T>(schema: Schema<T>): z.ZodType<T> => schema as unknown as z.ZodType<T>;
const kit = <T>(schema: z.ZodType<T>): Schema<T> => schema as unknown as Schema<T>;
const shapeOf = (shape: Shape): Record<string, z.ZodType> => Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, zod(s)]));
/** A model's or enum's name, as OpenAPI's components know it: zod's `id`. */
const named = <T extends z.ZodType>(schema: T, name: string | undefined): T => (name === undefined ? schema : schema.meta({ id: name }));

export const zodKit: Kit = {
  name: "zod",
  unknown: () => kit(z.unknown()),
  string: () => kit(z.string()),
  int: () => kit(z.int()),
  number: () => kit(z.number()),
  boolean: () => kit(z.boolean()),
  httpUrl: () => kit(z.httpUrl({ normalize: true })),
  literal: (values) => kit(z.literal(values)),
  enum: (values, name) => kit(named(z.enum(values), name)),
  nullable: (inner) => kit(zod(inner).nullable()),
  optional: (inner) => kit(zod(inner).optional()),
  withDefault: (inner, value) => kit(zod(inner).default(value as never)),
  orNone: (inner) => kit(zod(inner).nullable().default(null)),
  array: (item) => kit(z.array(zod(item))),
  set: (item) => kit(z.array(zod(item)).transform((items) => new Set(items))),
  record: (keys, value) => kit(z.record(keys === "int" ? z.int() : z.string(), zod(value))) as never,
  object: (shape, name) => kit(named(z.object(shapeOf(shape)), name)) as never,
  strictObject: (shape, name) => kit(named(z.strictObject(shapeOf(shape)), name)) as never,
  union: (members) => kit(z.union(members.map(zod))) as never,
  refine: (inner, check, message) => kit(zod(inner).refine(check, message)),
  parse: parseWith,
};
