import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiEnv } from '../api/config';
import { buildApi } from '../api/wiring';
import { parseEnv } from '../config';
import { documentClient } from '../store/client';

// Config and clients once per cold start; a bad environment fails here, not on a request.
const env = parseEnv(apiEnv);
const api = buildApi(env, { doc: documentClient(), tableName: env.TABLE_NAME });

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(httpHeaderNormalizer())
  .handler(async (event) => (await api)(event));
