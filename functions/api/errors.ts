import type { Principal } from '../auth/principal';
import { HttpProblem, notFound } from '../middleware/http-problem';
import { seesWholeInstitution } from './scope';

/** The API's refusals are the webhook's: one problem type (functions/middleware/http-problem.ts). */
export { badRequest, forbidden, HttpProblem, notFound, unauthorized } from '../middleware/http-problem';

/**
 * An id outside the caller's scope, or one that does not exist asked by someone whose scope is
 * not the whole institution: both answer the same 403, so a refusal does not tell whether the
 * id exists. Logged and audited as a refusal.
 */
export class OutOfScope extends HttpProblem {
  constructor(readonly target: string) {
    super(403, { error: 'outside your scope' });
  }
}

export const outOfScope = (target: string) => new OutOfScope(target);

/** An id that does not exist: 404 for whom nothing is out of scope, else the out-of-scope 403. */
export const missing = (principal: Principal, target: string) =>
  seesWholeInstitution(principal) ? notFound() : outOfScope(target);
