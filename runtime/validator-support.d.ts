/**
 * An Ajv error object as a generated validator reports it: without a message; an `anyOf` error
 * has its branches' `required` lists (`schema`), an `additionalProperties` error its parent
 * schema's property names (`parentSchema.properties`), as much as runtime/validation.ts reads.
 */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** Set by Ajv at run time (not in generated validators). */
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  /** The key being checked, for errors inside `propertyNames`. */
  propertyName?: string;
}

export type { KeyNode } from "./declared-keys.js";

/** The function a generated validator module exports. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export declare function pushError(list: AjvError[] | null, instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown>, extra?: Partial<AjvError>): AjvError[];
export declare function pushPropertyError(list: AjvError[] | null, instancePath: string, name: string, keyword: string, params: Record<string, unknown>): AjvError[];
export declare function pushTypeError(list: AjvError[] | null, instancePath: string, name: string, type: string): AjvError[];
export declare const COMPARISONS: Readonly<Record<"maximum" | "minimum" | "exclusiveMaximum" | "exclusiveMinimum", string>>;
export declare function pushLimitError(list: AjvError[] | null, instancePath: string, name: string, keyword: "maximum" | "minimum" | "exclusiveMaximum" | "exclusiveMinimum", limit: number): AjvError[];
export declare function ucs2length(str: string): number;
export declare function equal(a: unknown, b: unknown): boolean;
export declare const formats: Record<string, (str: string) => boolean>;
export declare function uriFormat(str: string): boolean;
/** The expressions of uriFormat and uriReferenceFormat: RFC 3986's URI and URI-reference rules, and the quick paths uriFormat tries first (each matches only URIs). */
export declare function uriExpressions(): Readonly<Record<"URI" | "URI_REFERENCE" | "PLAIN_URI" | "PLAIN_HTTP_URI", RegExp>>;
export declare function isCheckedHttpUri(str: string): boolean;
export declare const PLAIN_HTTP_AUTHORITY: string;
export declare function uriReferenceFormat(str: string): boolean;
/** The expressions of iriFormat and iriReferenceFormat: RFC 3987's IRI and IRI-reference rules. */
export declare function iriExpressions(): Readonly<Record<"IRI" | "IRI_REFERENCE", RegExp>>;
export declare function iriFormat(str: string): boolean;
export declare function iriReferenceFormat(str: string): boolean;
export declare function emailFormat(str: string): boolean;
export declare function idnEmailFormat(str: string): boolean;
export declare function hostnameFormat(str: string): boolean;
export declare function idnHostnameFormat(str: string): boolean;
export declare function ipv4Format(str: string): boolean;
export declare function uuidFormat(str: string): boolean;
export declare function dateTimeFormat(str: string): boolean;
export declare function dateFormat(str: string): boolean;
export declare function timeFormat(str: string): boolean;
export declare function durationFormat(str: string): boolean;
export declare function ipv6Format(str: string): boolean;
export declare function regexFormat(str: string): boolean;
export declare function jsonPointerFormat(str: string): boolean;
export declare function relativeJsonPointerFormat(str: string): boolean;
export declare function uriTemplateFormat(str: string): boolean;
