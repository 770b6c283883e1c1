import { HttpProblem } from '../middleware/http-problem';

/** The API's refusals are the webhook's: one problem type (functions/middleware/http-problem.ts). */
export { badRequest, forbidden, HttpProblem, notFound, unauthorized } from '../middleware/http-problem';

/**
 * An id outside the caller's scope. Answered exactly like an id that does not exist (404, the
 * same body), so a refusal does not tell that it exists; logged and audited as a refusal.
 */
export class OutOfScope extends HttpProblem {
  constructor(readonly target: string) {
    super(404, { error: 'not found' });
  }
}

export const outOfScope = (target: string) => new OutOfScope(target);
