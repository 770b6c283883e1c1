/**
 * An expected refusal with its HTTP status and JSON body. Thrown by handlers and use cases;
 * `jsonErrors()` turns it into the response. Anything else is a 500 with no details.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly statusCode: number,
    readonly body: { error: string } & Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error);
  }
}
