import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../scripts/local/lambda-context';

describe('the local Lambda context', () => {
  it('names the function, gives each invocation its own request id and counts the time down', () => {
    const first = lambdaContext('presentie-webhook', 60_000);
    const second = lambdaContext('presentie-webhook', 60_000);
    expect(first.functionName).toBe('presentie-webhook');
    expect(first.invokedFunctionArn).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:presentie-webhook$/);
    expect(first.awsRequestId).not.toBe(second.awsRequestId);
    expect(first.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(first.getRemainingTimeInMillis()).toBeLessThanOrEqual(60_000);
    expect(lambdaContext('x', 0).getRemainingTimeInMillis()).toBe(0);
  });
});
