import { DEMO_PASSWORD } from '../../server/seed/organisation';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client for the hub, as a desktop core or a script would call it. */
export function hubClient(baseUrl: string, token?: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* CSV or plain text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    get: <T = any>(p: string) => call<T>('GET', p),
    post: <T = any>(p: string, b?: unknown) => call<T>('POST', p, b),
    put: <T = any>(p: string, b?: unknown) => call<T>('PUT', p, b),
    patch: <T = any>(p: string, b?: unknown) => call<T>('PATCH', p, b),
    del: <T = any>(p: string) => call<T>('DELETE', p),
    call,
  };
}

export async function signInAs(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const res = await hubClient(baseUrl).post('/api/session', { username, password });
  if (res.status !== 201) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, user: res.body.user, client: hubClient(baseUrl, res.body.token) };
}
