import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../../shared/api/routes';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

describe('the OpenAPI document', () => {
  it('is served without signing in and describes every route with its method', async () => {
    const res = await sys.api.call(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    for (const route of Object.values(API_ROUTES)) {
      expect(
        res.json.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('documents the 403 of every signed-in route and the body of every command', async () => {
    const doc = (await sys.api.call(null, 'GET', '/api/openapi.json')).json;
    const action = doc.paths['/api/reports/{reportId}/action'].post;
    expect(action.responses['403']).toBeDefined();
    // An id outside one's scope answers 403 like a missing one; 404 only where nothing is out of scope.
    expect(action.responses['403'].description).toContain('outside your scope');
    expect(action.responses['404'].description).toBe(
      'Not found (for a role that sees the whole institution)',
    );
    expect(doc.paths['/api/kpi'].get.responses['404']).toBeUndefined();
    const body = action.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['action', 'explanation']));
    expect(body.properties.action.enum).toContain('coach_conversation');
    expect(
      doc.paths['/api/kpi'].get.responses['200'].content['application/json'].schema.properties.units,
    ).toBeDefined();
  });

  it('matches what the API answers: the coach page has the documented fields', async () => {
    const doc = (await sys.api.call(null, 'GET', '/api/openapi.json')).json;
    const schema = doc.paths['/api/coach'].get.responses['200'].content['application/json'].schema;
    const page = (await sys.api.call('coachA', 'GET', '/api/coach')).json;
    expect(Object.keys(page).sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
