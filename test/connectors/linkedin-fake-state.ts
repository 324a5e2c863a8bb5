/** What the LinkedIn fake holds: members, organisation pages and roles, tokens, posts, comments, images. */
import { randomBytes } from 'node:crypto';

export interface FakeMember { id: string; name: string }
export interface FakeOrg { id: number; name: string; vanityName: string; followers: number }
export interface FakeToken {
  memberId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}
export interface FakePost {
  id: string;
  author: string;
  commentary: string;
  content: unknown;
  createdAt: number;
  deleted: boolean;
  likes: Set<string>;
  reshares: Set<string>;
}
export interface FakeComment { urn: string; post: string; actor: string; text: string; time: number; deleted: boolean }
export interface FakeImage { urn: string; owner: string; uploaded: boolean; pollsLeft: number }

export class LinkedInFakeState {
  members = new Map<string, FakeMember>();
  orgs = new Map<number, FakeOrg>();
  /** `${memberId}:${orgId}` → role (ADMINISTRATOR, CONTENT_ADMINISTRATOR, ANALYST…). */
  roles = new Map<string, string>();
  tokens = new Map<string, FakeToken>();
  /** Refresh token → member and scopes, with when it stops working. */
  refreshTokens = new Map<string, { memberId: string; scopes: string[]; expiresAt: number }>();
  posts: FakePost[] = [];
  comments: FakeComment[] = [];
  images = new Map<string, FakeImage>();
  /** Calls per member today; at `dailyLimit` the member gets 429 until midnight UTC. */
  callsToday = new Map<string, number>();
  private seq = 7_100_000_000;

  next(): number {
    return ++this.seq;
  }

  createMember(name: string): FakeMember {
    const m = { id: randomBytes(5).toString('hex'), name };
    this.members.set(m.id, m);
    return m;
  }

  createOrg(name: string, vanityName: string, followers = 0): FakeOrg {
    const o = { id: this.next(), name, vanityName, followers };
    this.orgs.set(o.id, o);
    return o;
  }

  grant(member: FakeMember, org: FakeOrg, role = 'ADMINISTRATOR'): void {
    this.roles.set(`${member.id}:${org.id}`, role);
  }

  issueToken(memberId: string, scopes: string[], ttlMs = 60 * 86_400_000): string {
    const token = `AQ${randomBytes(18).toString('base64url')}`;
    this.tokens.set(token, { memberId, scopes, expiresAt: Date.now() + ttlMs, revoked: false });
    return token;
  }

  canPostAs(memberId: string, orgUrn: string): boolean {
    const id = /^urn:li:organization:(\d+)$/.exec(orgUrn)?.[1];
    const role = id ? this.roles.get(`${memberId}:${id}`) : undefined;
    return role === 'ADMINISTRATOR' || role === 'CONTENT_ADMINISTRATOR';
  }

  livePost(urn: string): FakePost | undefined {
    return this.posts.find((p) => p.id === urn && !p.deleted);
  }
}
