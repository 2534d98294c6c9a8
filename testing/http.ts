/** Small HTTP helpers for tests: JSON in and out, with a cookie jar of one cookie. */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function request<T = any>(
  url: string,
  init: { method?: string; body?: unknown; cookie?: string; token?: string } = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

/** Signs in as a synthetic citizen (demo mode); returns the session cookie. */
export async function demoSignIn(baseUrl: string, citizen: string): Promise<string> {
  const response = await request(`${baseUrl}/api/demo/sign-in`, { method: 'POST', body: { citizen } });
  if (response.status !== 200) throw new Error(`demo sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}
