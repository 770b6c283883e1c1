import { ImportBatchBody } from '../../../shared/api/import';
import { actorOf, json, type RouteContext, type RouteHandler } from '../context';
import { notFound } from '../errors';
import { parseBody } from '../validate';

/** One batch of the administrator's import, checked or ingested; the use case audits the real run. */
function importBatch(mode: 'dryRun' | 'run'): RouteHandler {
  return async (ctx: RouteContext) => {
    const batch = parseBody(ImportBatchBody, ctx.body);
    if (!ctx.imports) throw notFound('import is not available here');
    return json(await ctx.imports.importBatch({ mode, batch, actor: actorOf(ctx), now: ctx.now }));
  };
}

export const importDryRun = importBatch('dryRun');
export const importRun = importBatch('run');
