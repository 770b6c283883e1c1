import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiEnv } from '../api/config';
import { buildApi } from '../api/wiring';
import { parseEnv } from '../config';
import { documentClient } from '../store/client';

// Config and clients once per cold start; a bad environment fails here, not on a request.
const env = parseEnv(apiEnv);
const logger = new Logger({ serviceName: 'presentie-api' });
const api = buildApi(env, { doc: documentClient(), tableName: env.TABLE_NAME });

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(httpHeaderNormalizer())
  .handler(async (event) => {
    try {
      return await (await api)(event);
    } catch (error) {
      // Named domain errors are answered by the API itself; anything here is unexpected.
      logger.error('unhandled error', { path: event.rawPath, error: error as Error });
      return {
        statusCode: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ error: 'internal error' }),
      };
    }
  });
