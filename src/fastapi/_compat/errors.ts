// The error dicts of pydantic_core (ErrorDetails) that FastAPI puts in its 422 bodies, and the
// ones the layer builds itself with pydantic's exact type and message.

/** Where an error is: `["query", "q"]`, `["body", "items", 0, "price"]`. */
export type Loc = Array<string | number>;

/** One entry of a 422 body's `detail`, as FastAPI writes it (pydantic's ErrorDetails without `url`). */
export interface ErrorDetails {
  type: string;
  loc: Loc;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** pydantic's `missing`: a required value that is absent. */
export function missingError(loc: Loc, input: unknown = null): ErrorDetails {
  return { type: "missing", loc, msg: "Field required", input };
}

// pydantic_core's messages for the errors the layer reports itself (lax conversion, structure).
const MESSAGES: Record<string, string> = {
  int_type: "Input should be a valid integer",
  int_parsing: "Input should be a valid integer, unable to parse string as an integer",
  int_from_float: "Input should be a valid integer, got a number with a fractional part",
  int_parsing_size: "Unable to parse input string as an integer, exceeded maximum size",
  finite_number: "Input should be a finite number",
  float_type: "Input should be a valid number",
  float_parsing: "Input should be a valid number, unable to parse string as a number",
  bool_type: "Input should be a valid boolean",
  bool_parsing: "Input should be a valid boolean, unable to interpret input",
  string_type: "Input should be a valid string",
  none_required: "Input should be None",
  list_type: "Input should be a valid list",
  tuple_type: "Input should be a valid tuple",
  dict_type: "Input should be a valid dictionary",
  model_attributes_type: "Input should be a valid dictionary or object to extract fields from",
  missing: "Field required",
  extra_forbidden: "Extra inputs are not permitted",
};

/** The error types the layer reports with pydantic's exact message (see laxError). */
export const LAX_ERROR_TYPES: ReadonlySet<string> = new Set([...Object.keys(MESSAGES), "too_long"]);

/** A pydantic error of one of the types in MESSAGES, at a copy of `loc`. */
export function laxError(type: string, loc: Loc, input: unknown): ErrorDetails {
  return { type, loc: loc.slice(), msg: MESSAGES[type], input };
}

/** pydantic's too_long for a fixed tuple given more items than it has. */
export function tupleTooLong(loc: Loc, input: unknown[], max: number): ErrorDetails {
  const msg = `Tuple should have at most ${max} item${max === 1 ? "" : "s"} after validation, not ${input.length}`;
  return { type: "too_long", loc: loc.slice(), msg, input, ctx: { field_type: "Tuple", max_length: max, actual_length: input.length } };
}
