// From `./errors`, not core's main entry: the rotation, imported on first use, needs this too.
import { RequestValidationError } from '@tokenkit/core/errors';

/** A `RequestValidationError` for `field`, thrown before any byte is sent. */
export function invalidInput(field: string, message: string): RequestValidationError {
  return new RequestValidationError(message, { field });
}
