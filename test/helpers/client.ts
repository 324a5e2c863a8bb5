/** A browser-like API client for tests: keeps its cookies, sends the CSRF header on writes. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD') h['x-ruche-csrf'] ??= '1';
    let payload: string | Uint8Array | undefined;
    if (body instanceof Uint8Array) {
      payload = body;
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload as BodyInit | undefined, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  /** Another client holding the same cookies, as a second tab or a stolen copy would. */
  clone(): TestClient {
    const copy = new TestClient(this.baseUrl);
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    return copy;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body ?? {});
  delete = (path: string) => this.request('DELETE', path);
}

/** Sets up the owner through the first-visitor route and returns their client and workspace. */
export async function setupOwner(baseUrl: string, email = 'owner@example.com') {
  const client = new TestClient(baseUrl);
  const res = await client.post('/api/v1/setup', {
    name: 'Olivia Owner',
    email,
    password: 'correct horse battery',
    workspaceName: 'Brand A',
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, workspaceId: res.body.memberships[0].workspaceId as string, userId: res.body.user.id as string };
}

/** Invites someone into a workspace with a role and has them accept; returns their client. */
export async function addMember(owner: TestClient, workspaceId: string, email: string, role: string) {
  const inv = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const token = String(inv.body.link).split('/invite/')[1];
  const member = new TestClient(owner.baseUrl);
  const acc = await member.post(`/api/v1/invitations/${token}/accept`, { name: email.split('@')[0], password: 'another good password' });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  const membership = (await owner.get(`/api/v1/workspaces/${workspaceId}/members`)).body.items.find(
    (m: { email: string }) => m.email === email,
  );
  return { client: member, memberId: membership.id as string, userId: acc.body.user.id as string };
}
