import type { Logger } from 'pino';
import type { AppContext } from '../context.js';
import type { RoleName } from '../shared/permissions.js';

export interface Actor {
  userId: string;
  name: string;
  email: string;
  sessionId: string;
  expiresAt: Date;
}

export interface Member {
  membershipId: string;
  workspaceId: string;
  role: RoleName;
  /** The database's data stamp (src/store/data-stamp.ts), read with the membership before the request's data. */
  stamp: string;
}

export interface HttpEnv {
  Variables: {
    ctx: AppContext;
    log: Logger;
    ip: string | null;
    actor: Actor;
    member: Member;
  };
}
