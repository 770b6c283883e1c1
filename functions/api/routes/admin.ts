import { json, type RouteHandler } from '../context';

export const admin: RouteHandler = async (ctx) => json(await ctx.data.admin(ctx.now));
