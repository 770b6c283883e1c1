/**
 * An expected refusal with its HTTP status and JSON body: the one problem type of the webhook
 * and the API. Thrown by handlers, routes and validation; `jsonErrors()` (webhook) and the API's
 * own catch turn it into the response. Anything else is a 500 with no details.
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

/** 400, with the validation issues when there are any. */
export const badRequest = (error: string, issues?: unknown[]) =>
  new HttpProblem(400, issues ? { error, issues } : { error });
export const forbidden = (why = 'outside your scope') => new HttpProblem(403, { error: why });
export const notFound = (what = 'not found') => new HttpProblem(404, { error: what });
export const unauthorized = (why: string) => new HttpProblem(401, { error: why });
