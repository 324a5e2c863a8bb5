import { z } from 'zod';
import { networkName } from '../../shared/networks.js';
import type { AppContext } from '../../context.js';
import type { Mail } from '../../mail/mailer.js';
import { defineJob, PermanentJobError } from '../../jobs/index.js';
import { excerpt } from '../notifications/excerpt.js';
import { departmentName } from './departments.js';
import { DEPARTMENT_MAIL } from './job-names.js';
import { replyAddress } from './reply-address.js';
import { addSystemLine } from './thread.js';

export interface DepartmentMailInput {
  locale: 'en' | 'fr';
  to: string;
  workspaceName: string;
  departmentName: string;
  network: string;
  author: { handle: string; displayName: string | null };
  itemText: string;
  itemUrl: string | null;
  receivedAt: number;
  dueAt: number;
  note: { by: string; body: string } | null;
  link: string;
  replyTo: string | null;
}

const WORDS = {
  en: {
    subject: (d: string, x: string) => `Ticket for ${d}: ${x}`,
    lead: (w: string, n: string) => `A message that reached ${w} on ${n} needs your department's answer.`,
    from: 'From',
    original: 'On the network',
    message: '----- The message -----',
    end: '----- End of the message -----',
    note: (by: string) => `Note from ${by || 'the team'}:`,
    due: 'Please answer by',
    reply: 'Answer by replying to this e-mail: your answer is added to the ticket (keep the reply address as it is).',
    app: 'Or answer in Ruche:',
  },
  fr: {
    subject: (d: string, x: string) => `Ticket pour ${d}\u00a0: ${x}`,
    lead: (w: string, n: string) => `Un message reçu par ${w} sur ${n} attend la réponse de votre service.`,
    from: 'De',
    original: 'Sur le réseau',
    message: '----- Le message -----',
    end: '----- Fin du message -----',
    note: (by: string) => `Note de ${by || 'l’équipe'}\u00a0:`,
    due: 'Merci de répondre avant le',
    reply: 'Répondez à cet e-mail\u00a0: votre réponse est ajoutée au ticket (gardez l’adresse de réponse telle quelle).',
    app: 'Ou répondez dans Ruche\u00a0:',
  },
};

// Someone else's text goes out as plain text; control characters (but line breaks) are dropped so it cannot
// pretend to be part of the mail's own lines or headers.
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '');
const oneLine = (s: string) => excerpt(s, 200);

function when(ms: number, locale: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(ms) + ' UTC';
}

/** The e-mail a department receives for a ticket: plain text, the item quoted as it was written. */
export function departmentMail(m: DepartmentMailInput): Mail {
  const w = WORDS[m.locale];
  const who = m.author.displayName ? `${oneLine(m.author.displayName)} (@${oneLine(m.author.handle)})` : `@${oneLine(m.author.handle)}`;
  const network = networkName(m.network);
  const lines = [
    w.lead(oneLine(m.workspaceName), network),
    '',
    `${w.from}${m.locale === 'fr' ? '\u00a0' : ''}: ${who}`,
    m.itemUrl ? `${w.original}${m.locale === 'fr' ? '\u00a0' : ''}: ${oneLine(m.itemUrl)}` : null,
    '',
    w.message,
    plain(m.itemText).slice(0, 20_000),
    w.end,
    '',
    ...(m.note ? [w.note(oneLine(m.note.by)), plain(m.note.body), ''] : []),
    `${w.due} ${when(m.dueAt, m.locale)}.`,
    '',
    m.replyTo ? w.reply : null,
    `${w.app}\n${m.link}`,
  ].filter((l): l is string => l !== null);
  return {
    to: m.to,
    subject: `[${oneLine(m.workspaceName)}] ${w.subject(oneLine(m.departmentName), excerpt(m.itemText, 80))}`,
    text: lines.join('\n') + '\n',
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
  };
}

/** Sends a new ticket to its department, from the worker once the ticket is committed; once, even when retried. */
export function departmentMailJob(ctx: AppContext) {
  return defineJob({
    type: DEPARTMENT_MAIL,
    version: 1,
    schema: z.object({ ticketId: z.string().min(1), token: z.string().min(1) }),
    maxAttempts: 8,
    async run({ ticketId, token }) {
      const { db } = ctx.store;
      const row = await db
        .selectFrom('tickets as t')
        .innerJoin('departments as d', 'd.id', 't.department_id')
        .innerJoin('inbox_items as i', 'i.id', 't.item_id')
        .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
        .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
        .select([
          't.id', 't.workspace_id', 't.due_at', 'd.key', 'd.name', 'd.email', 'i.network', 'i.text', 'i.url', 'i.received_at',
          'a.handle', 'a.display_name', 'w.name as workspace_name', 'w.locale',
        ])
        .where('t.id', '=', ticketId)
        .executeTakeFirst();
      if (!row) return { skipped: 'gone' };
      const sent = await db.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticketId).where('source', '=', 'system').where('body', 'in', ['emailed', 'mail_off']).executeTakeFirst();
      if (sent) return { skipped: 'sent' };
      const now = ctx.clock.now();
      if (!ctx.mailer.enabled) {
        await addSystemLine(db, { ticketId, workspaceId: row.workspace_id, code: 'mail_off', now });
        return { skipped: 'no_mail' };
      }
      if (!row.email) throw new PermanentJobError('the department has no e-mail address');
      const note = await db
        .selectFrom('ticket_messages as m')
        .leftJoin('user as u', 'u.id', 'm.author_id')
        .select(['m.body', 'u.name'])
        .where('m.ticket_id', '=', ticketId)
        .where('m.source', '=', 'app')
        .orderBy('m.created_at')
        .executeTakeFirst();
      const locale = row.locale === 'fr' ? 'fr' : 'en';
      const base = ctx.config.publicUrl.replace(/\/+$/, '');
      const reply = ctx.config.inboundMail.replyAddress;
      await ctx.mailer.send(
        departmentMail({
          locale, to: row.email, workspaceName: row.workspace_name, departmentName: departmentName(row, locale), network: row.network,
          author: { handle: row.handle, displayName: row.display_name }, itemText: row.text, itemUrl: row.url, receivedAt: Number(row.received_at),
          dueAt: Number(row.due_at), note: note ? { by: note.name ?? '', body: note.body } : null,
          link: `${base}/w/${encodeURIComponent(row.workspace_id)}/tickets/${encodeURIComponent(ticketId)}`,
          replyTo: reply ? replyAddress(reply, ctx.sealer.open(token)) : null,
        }),
      );
      await addSystemLine(db, { ticketId, workspaceId: row.workspace_id, code: 'emailed', email: row.email, now });
      return { sent: true };
    },
  });
}
