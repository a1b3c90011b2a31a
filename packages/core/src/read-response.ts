import { type RedactedRequest, ResponseValidationError } from './errors.js';
import { responseText } from './fetch-attempt.js';
import { readRequestId } from './headers.js';
import { maxJsonDepth, nestsTooDeep } from './json-depth.js';
import { scrubbedRequestId } from './map-error.js';
import type { HttpRequest, HttpResponse } from './request-types.js';
import { scrubIssues } from './scrub-value.js';
import { formatIssues, toValidationIssues } from './validate-input.js';

/** How a response error names the request: built only when an error needs it. */
export interface RequestDescription {
  /** `GET https://…/tokens?page=0`, redacted. */
  where(): string;
  /** The redacted request, secrets scrubbed. */
  request(): RedactedRequest;
  /** Every secret of the call, scrubbed from what an error quotes. */
  secrets(): readonly string[];
}

const jsonType = /json/i;

function parseBody(
  text: string,
  response: Response,
  request: HttpRequest,
  describe: RequestDescription,
): unknown {
  if (text === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Text that is not labelled JSON, and that no schema expects, is returned as it is.
    if (!jsonType.test(response.headers.get('content-type') ?? '') && !request.responseSchema) {
      return text;
    }
    throw unreadable(response, describe, 'is not valid JSON');
  }
  // Parsing copes with any depth; what walks the value after it (validation) does not.
  if (nestsTooDeep(data)) {
    throw unreadable(response, describe, `nests deeper than ${maxJsonDepth} levels`);
  }
  return data;
}

/**
 * A body core cannot read: `kind: 'invalid-json'`, as for a body cut short, since what the
 * server said is unknown either way (`isAnswerLost` counts it as lost).
 */
function unreadable(
  response: Response,
  describe: RequestDescription,
  why: string,
): ResponseValidationError {
  return new ResponseValidationError(`${describe.where()} returned a body that ${why}`, {
    kind: 'invalid-json',
    issues: [{ path: '', message: `body ${why}` }],
    status: response.status,
    requestId: scrubbedRequestId(response.headers, describe.secrets()),
    request: describe.request(),
  });
}

/**
 * What the caller gets: `headers` and `requestId` are read from the response only when asked
 * for (a vendor call that resolves to the body alone never builds them).
 */
function answer(data: unknown, response: Response): HttpResponse<unknown> {
  return {
    data,
    status: response.status,
    get headers() {
      return response.headers;
    },
    get requestId() {
      return readRequestId(response.headers);
    },
  };
}

/**
 * A successful response as the caller gets it: the body (already read inside the attempt)
 * parsed as JSON and, with a `responseSchema`, validated and typed.
 *
 * @throws ResponseValidationError with `kind: 'invalid-json'` for a body that cannot be parsed,
 *   `kind: 'schema'` for one the schema rejects (every issue, secrets scrubbed).
 */
export async function readResponse(
  response: Response,
  request: HttpRequest,
  describe: RequestDescription,
): Promise<HttpResponse<unknown>> {
  const text = responseText(response);
  if (request.emptyResponse) return answer(undefined, response);
  const data = parseBody(text, response, request, describe);
  if (!request.responseSchema) return answer(data, response);
  let result = request.responseSchema['~standard'].validate(data);
  if (result instanceof Promise) result = await result;
  if (result.issues) {
    const issues = scrubIssues(toValidationIssues(result.issues), describe.secrets());
    throw new ResponseValidationError(
      `${describe.where()} returned an unexpected body: ${formatIssues(issues)}`,
      {
        kind: 'schema',
        issues,
        status: response.status,
        requestId: scrubbedRequestId(response.headers, describe.secrets()),
        request: describe.request(),
      },
    );
  }
  return answer(result.value, response);
}
