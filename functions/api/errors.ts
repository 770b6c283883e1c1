/** The API's refusals are the webhook's: one problem type (functions/middleware/http-problem.ts). */
export { badRequest, forbidden, HttpProblem, notFound, unauthorized } from '../middleware/http-problem';
