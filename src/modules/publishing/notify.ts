import type { AppContext } from '../../context.js';

/**
 * Tells a post's author, by e-mail when the install sends e-mail, that its planned time came while it still
 * waits for approval. The post's history says the same in the app.
 */
export async function tellAuthorWaiting(ctx: AppContext, post: { id: string; author_id: string; workspace_id: string; body: string }) {
  if (!ctx.mailer.enabled) return;
  const { db } = ctx.store;
  const author = await db.selectFrom('user').select('email').where('id', '=', post.author_id).executeTakeFirst();
  const ws = await db.selectFrom('workspaces').select(['name', 'locale']).where('id', '=', post.workspace_id).executeTakeFirst();
  if (!author || !ws) return;
  const row = { email: author.email, name: ws.name, locale: ws.locale };
  const link = `${ctx.config.publicUrl}/w/${post.workspace_id}/calendar/posts/${post.id}`;
  const excerpt = post.body.length > 140 ? `${post.body.slice(0, 140)}…` : post.body;
  const fr = row.locale === 'fr';
  try {
    await ctx.mailer.send({
      to: row.email,
      subject: fr ? `[${row.name}] Votre publication attend encore une approbation` : `[${row.name}] Your post is still waiting for approval`,
      text: fr
        ? `L'heure prévue de cette publication est arrivée, mais elle n'est pas encore approuvée. Elle n'a pas été publiée.\n\n« ${excerpt} »\n\n${link}\n`
        : `The planned time of this post has come, but it is not approved yet. It has not been published.\n\n"${excerpt}"\n\n${link}\n`,
    });
  } catch (err) {
    // The history already records it; a mail server down must not fail the publishing job.
    ctx.log.warn({ err }, 'could not e-mail the author');
  }
}
