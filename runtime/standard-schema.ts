// Standard Schema v1 (https://standardschema.dev), written out here so the client keeps no
// dependency: the interface is the spec's own, and a generated model's `standardSchema` plugs its
// validator into any library that accepts one (tRPC, Hono, TanStack Form, ...).
import { findErrors, type ModelValidator, type ValidateOptions, type ValidatorParts } from "./validation.js";

/** The Standard Schema v1 interface, as `@standard-schema/spec` declares it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * A generated validator as a Standard Schema: the body itself as `value` when valid, else one
 * issue per error, with its message and the keys leading to it. `parts` and `options` as for
 * `validateWith` (closed to unknown keys unless `allowUnknown`).
 */
export function standardSchema<T>(validator: ModelValidator, parts: ValidatorParts, options: ValidateOptions = {}): StandardSchemaV1<T, T> {
  return {
    "~standard": {
      version: 1,
      vendor: "oxen-contracts",
      validate(value) {
        const errors = findErrors(validator, parts, value, options);
        if (errors.length === 0) return { value: value as T };
        return { issues: errors.map(({ error, at }) => ({ message: error.message, path: at })) };
      },
    },
  };
}
