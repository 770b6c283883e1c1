export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

export const forbidden = (why = 'outside your scope') => new HttpError(403, why);
export const notFound = (what = 'not found') => new HttpError(404, what);
