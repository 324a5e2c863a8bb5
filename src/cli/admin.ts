import crypto from 'node:crypto';
import { z } from 'zod';
import { readEnv } from '../config/env.js';
import { envToConfig } from '../config/config.js';
import { createContext, destroyContext } from '../context.js';
import { createOwner } from '../modules/setup/service.js';
import { resetPasswordAsAdmin } from '../modules/session/password-reset.js';
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

const ResetInput = z.object({ email: Email, password: Password.optional() });

/**
 * Sets a new password for an account and signs out every session of it: how an install without e-mail
 * recovers a forgotten password. Without --password, asks for one at a terminal, else makes one up and
 * prints it once.
 */
export async function adminResetPassword(values: Record<string, string | undefined>, terminal: Terminal): Promise<number> {
  const parsed = ResetInput.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`);
    return 2;
  }
  const { email } = parsed.data;
  let password = parsed.data.password;
  let generated = false;
  if (password === undefined) {
    if (terminal.interactive) {
      let typed: string;
      let again: string;
      try {
        typed = await terminal.askHidden('New password (at least 10 characters): ');
        again = await terminal.askHidden('The same again: ');
      } catch {
        console.error('Cancelled. Nothing was changed.');
        return 130;
      }
      if (typed !== again) {
        console.error('The two passwords differ. Nothing was changed.');
        return 2;
      }
      const checked = Password.safeParse(typed);
      if (!checked.success) {
        console.error(`The password is ${checked.error.issues[0]?.message ?? 'not valid'}. Nothing was changed.`);
        return 2;
      }
      password = checked.data;
    } else {
      password = makePassword();
      generated = true;
    }
  }
  const config = envToConfig(readEnv());
  const ctx = await createContext({ ...config, logLevel: 'warn' });
  try {
    const { sessions } = await resetPasswordAsAdmin(ctx, email, password);
    const ended = sessions === 1 ? '1 session was signed out' : `${sessions} sessions were signed out`;
    console.log(`The password of ${email} was reset; ${ended}.`);
    if (generated) console.log(`New password (shown this once): ${password}`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    await destroyContext(ctx);
  }
}

export interface Terminal {
  interactive: boolean;
  askHidden(question: string): Promise<string>;
}

// No 0/O, 1/l/I: a password read off a screen and typed elsewhere.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Five groups of four characters: about 115 bits, easy to copy. */
export function makePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[crypto.randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
