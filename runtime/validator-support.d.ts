/** An Ajv error object as a standalone validator reports it (`verbose` mode). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

export type { KeyNode } from "./declared-keys.js";

/** The function a generated validator module exports. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export declare function ucs2length(str: string): number;
export declare function equal(a: unknown, b: unknown): boolean;
export declare const formats: Record<string, (str: string) => boolean>;
