// What the generator says about one model or file: a refusal, a failure, or a warning. Each is
// printed as one line naming the file, the model and the JSON pointer.

export interface Diagnostic {
  /** The file it is about, as the user named the snapshot folder (models/<stem>.json, overlays/<stem>.json). */
  file: string;
  /** The model id; null when the file could not be read as a model. */
  model: string | null;
  /** Where in the file: "json_request_schema#/properties/seed/default", "#/schema/anyOf/0"; "" for the whole file. */
  at: string;
  message: string;
}

/** Any text on one line: line breaks from a library's message become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** `<file>: model "<id>": <field>#<pointer>: <message>` */
export function diagnosticLine(d: Diagnostic): string {
  const model = d.model === null ? "" : `model ${JSON.stringify(d.model)}: `;
  const at = d.at === "" ? "" : `${d.at}: `;
  return oneLine(`${d.file}: ${model}${at}${d.message}`);
}

/** The reason a model was skipped, without its file: `<field>#<pointer>: <message>`. */
export function diagnosticReason(d: Diagnostic): string {
  return oneLine(d.at === "" ? d.message : `${d.at}: ${d.message}`);
}
