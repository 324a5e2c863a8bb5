import { z } from 'zod';
import { readEnv } from '../config/env.js';
import { envToConfig } from '../config/config.js';
import { createContext, destroyContext } from '../context.js';
import { createOwner } from '../modules/setup/service.js';
import { Email, Password, PersonName } from '../modules/session/schema.js';
import { WorkspaceName } from '../modules/workspaces/schema.js';

const Input = z.object({ email: Email, name: PersonName, password: Password, workspace: WorkspaceName.optional() });

/** Creates an owner account with its workspace, for a first install without a browser or to recover access. */
export async function adminCreate(values: Record<string, string | undefined>): Promise<number> {
  const parsed = Input.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`);
    return 2;
  }
  const { email, name, password, workspace } = parsed.data;
  const config = envToConfig(readEnv());
  const ctx = await createContext({ ...config, logLevel: 'warn' });
  try {
    const res = await createOwner(
      ctx,
      { name, email, password, workspaceName: workspace },
      () => ctx.auth.api.signUpEmail({ body: { name, email, password } }),
      { ip: null },
    );
    console.log(`Owner ${res.user.email} created, with the workspace "${workspace ?? name}". Sign in at ${config.publicUrl}`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    await destroyContext(ctx);
  }
}
