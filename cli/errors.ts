/** An error in the input the generator was given: one line naming the file or model and the field. */
export class InputError extends Error {
  override name = "InputError";
}
