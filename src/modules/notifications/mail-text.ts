import type { Mail } from '../../mail/mailer.js';
import type { NotificationKind } from './kinds.js';
import type { NotificationParams } from './notify.js';

export type MailLocale = 'en' | 'fr';

interface Wording {
  /** The line that says what happened; also the subject. */
  headline: (p: Record<string, string>) => string;
  /** Details under it: quoted texts, the network's reason. */
  details?: (p: Record<string, string>) => Array<string | false>;
}

const quoteEn = (s: string) => (s ? `"${s}"` : false);
const quoteFr = (s: string) => (s ? `«\u00a0${s}\u00a0»` : false);

/** E-mail wording of every kind, in each language. The app's own texts are in web/i18n. */
const WORDING: Record<MailLocale, Record<NotificationKind, Wording>> = {
  en: {
    'approval.requested': {
      headline: (p) => (p.authorName ? `A post by ${p.authorName} needs your approval` : 'A post needs your approval'),
      details: (p) => [quoteEn(p.excerpt)],
    },
    'post.approved': { headline: () => 'Your post is approved', details: (p) => [quoteEn(p.excerpt), p.actorName && `Last approval: ${p.actorName}`] },
    'post.changes_requested': {
      headline: (p) => `${p.actorName || 'An approver'} asked for changes to your post`,
      details: (p) => [quoteEn(p.excerpt), p.comment && `Comment: ${p.comment}`],
    },
    'post.failed': {
      headline: (p) => (p.outcome === 'unknown' ? 'A post may not have gone out' : 'A post failed to go out'),
      details: (p) => [quoteEn(p.excerpt), p.reason && `The network said: ${p.reason}`],
    },
    'post.waiting_approval': {
      headline: () => 'Your post is still waiting for approval',
      details: (p) => ['The planned time of this post has come, but it is not approved yet. It has not been published.', quoteEn(p.excerpt)],
    },
    'account.reconnect': {
      headline: (p) => `Reconnect ${p.handle ? `@${p.handle}` : 'an account'} to keep publishing`,
      details: (p) => [p.reason && `The network said: ${p.reason}`, 'Its posts wait until it is reconnected.'],
    },
    'account.expiring': {
      headline: (p) => `Reconnect ${p.handle ? `@${p.handle}` : 'an account'} before ${p.date}`,
      details: (p) => [`${p.network} does not let Ruche renew its access: it ends on ${p.date}.`, 'Reconnect it from the accounts page before then, or its posts will wait.'],
    },
    'comment.mention': {
      headline: (p) => `${p.actorName || 'Someone'} mentioned you in a comment`,
      details: (p) => [quoteEn(p.comment), p.excerpt && `On the post: ${p.excerpt}`],
    },
    'moderation.escalated': {
      headline: (p) => `A message from @${p.handle || '?'} needs a moderator`,
      details: (p) => [quoteEn(p.excerpt), p.ruleName && `Escalated by the rule: ${p.ruleName}`],
    },
    'moderation.highlight': {
      headline: (p) => `This week's highlight: a message from @${p.handle || '?'}`,
      details: (p) => [quoteEn(p.excerpt)],
    },
    'ticket.assigned': {
      headline: (p) => `${p.actorName || 'Someone'} gave you a ticket for ${p.department || 'a department'}`,
      details: (p) => [quoteEn(p.excerpt)],
    },
    'ticket.answered': { headline: (p) => `${p.department || 'The department'} answered a ticket`, details: (p) => [quoteEn(p.excerpt)] },
    'ticket.overdue': {
      headline: (p) => `A ticket for ${p.department || 'a department'} is overdue`,
      details: (p) => [quoteEn(p.excerpt), 'The department has not answered in its response time.'],
    },
    'listening.alert': {
      headline: (p) => `Listening alert on ${p.topic || 'a topic'}: ${ALERT_EN[String(p.signal)] ?? 'something unusual'}`,
      details: (p) => [`${p.observed} mentions in ${p.minutes} minutes, where about ${p.expected} are usual.`, p.terms && `Words that rose: ${p.terms}`],
    },
    'analytics.objective_behind': {
      headline: (p) => `An objective is falling behind: ${p.name || 'an objective'}`,
      details: (p) => [
        p.forecast && `At the current pace it ends at ${p.forecast}${p.relative ? ' % of change' : ''}, for a target of ${p.target}${p.relative ? ' %' : ''}.`,
        'You are told once; again only if it falls behind after getting back on track.',
      ],
    },
  },
  fr: {
    'approval.requested': {
      headline: (p) => (p.authorName ? `Une publication de ${p.authorName} attend votre validation` : 'Une publication attend votre validation'),
      details: (p) => [quoteFr(p.excerpt)],
    },
    'post.approved': {
      headline: () => 'Votre publication est validée',
      details: (p) => [quoteFr(p.excerpt), p.actorName && `Dernière validation\u00a0: ${p.actorName}`],
    },
    'post.changes_requested': {
      headline: (p) => `${p.actorName || 'Un valideur'} demande des modifications à votre publication`,
      details: (p) => [quoteFr(p.excerpt), p.comment && `Commentaire\u00a0: ${p.comment}`],
    },
    'post.failed': {
      headline: (p) => (p.outcome === 'unknown' ? 'Une publication n’est peut-être pas partie' : 'Une publication n’a pas pu partir'),
      details: (p) => [quoteFr(p.excerpt), p.reason && `Le réseau a répondu\u00a0: ${p.reason}`],
    },
    'post.waiting_approval': {
      headline: () => 'Votre publication attend encore une validation',
      details: (p) => ['L’heure prévue de cette publication est arrivée, mais elle n’est pas encore validée. Elle n’a pas été publiée.', quoteFr(p.excerpt)],
    },
    'account.reconnect': {
      headline: (p) => `Reconnectez ${p.handle ? `@${p.handle}` : 'un compte'} pour continuer à publier`,
      details: (p) => [p.reason && `Le réseau a répondu\u00a0: ${p.reason}`, 'Ses publications attendent qu’il soit reconnecté.'],
    },
    'account.expiring': {
      headline: (p) => `Reconnectez ${p.handle ? `@${p.handle}` : 'un compte'} avant le ${p.date}`,
      details: (p) => [`${p.network} ne permet pas à Ruche de renouveler son accès\u00a0: il prend fin le ${p.date}.`, 'Reconnectez-le depuis la page des comptes d’ici là, sinon ses publications attendront.'],
    },
    'comment.mention': {
      headline: (p) => `${p.actorName || 'Quelqu’un'} vous a mentionné dans un commentaire`,
      details: (p) => [quoteFr(p.comment), p.excerpt && `Sur la publication\u00a0: ${p.excerpt}`],
    },
    'moderation.escalated': {
      headline: (p) => `Un message de @${p.handle || '?'} demande un modérateur`,
      details: (p) => [quoteFr(p.excerpt), p.ruleName && `Signalé par la règle\u00a0: ${p.ruleName}`],
    },
    'moderation.highlight': {
      headline: (p) => `Le message de la semaine\u00a0: @${p.handle || '?'}`,
      details: (p) => [quoteFr(p.excerpt)],
    },
    'ticket.assigned': {
      headline: (p) => `${p.actorName || 'Quelqu’un'} vous a confié un ticket pour ${p.department || 'un service'}`,
      details: (p) => [quoteFr(p.excerpt)],
    },
    'ticket.answered': { headline: (p) => `${p.department || 'Le service'} a répondu à un ticket`, details: (p) => [quoteFr(p.excerpt)] },
    'ticket.overdue': {
      headline: (p) => `Un ticket pour ${p.department || 'un service'} est en retard`,
      details: (p) => [quoteFr(p.excerpt), 'Le service n’a pas répondu dans son délai de réponse.'],
    },
    'listening.alert': {
      headline: (p) => `Alerte d’écoute sur ${p.topic || 'un sujet'}\u00a0: ${ALERT_FR[String(p.signal)] ?? 'quelque chose d’inhabituel'}`,
      details: (p) => [`${p.observed} mentions en ${p.minutes} minutes, pour environ ${p.expected} d’habitude.`, p.terms && `Mots en hausse\u00a0: ${p.terms}`],
    },
    'analytics.objective_behind': {
      headline: (p) => `Un objectif prend du retard\u00a0: ${p.name || 'un objectif'}`,
      details: (p) => [
        p.forecast && `Au rythme actuel, il finira à ${p.forecast}${p.relative ? '\u00a0% d’évolution' : ''}, pour une cible de ${p.target}${p.relative ? '\u00a0%' : ''}.`,
        'Vous êtes prévenu une fois\u00a0; de nouveau seulement s’il reprend du retard après s’être rattrapé.',
      ],
    },
  },
};

const ALERT_EN: Record<string, string> = { volume_spike: 'a spike in mentions', sentiment_drop: 'sentiment is dropping', positive_surge: 'a surge of positive mentions' };
const ALERT_FR: Record<string, string> = { volume_spike: 'pic de mentions', sentiment_drop: 'le sentiment se dégrade', positive_surge: 'afflux de mentions positives' };

const FRAME = {
  en: { open: 'Open it in Ruche:', settings: 'Choose which notifications you get by e-mail:' },
  fr: { open: 'Ouvrir dans Ruche\u00a0:', settings: 'Choisir les notifications reçues par e-mail\u00a0:' },
};

export function hasWording(locale: MailLocale, kind: string): boolean {
  return Object.hasOwn(WORDING[locale], kind);
}

/** The e-mail of one notification. Plain text: nothing in it is interpreted as markup. */
export function notificationMail(input: {
  to: string;
  kind: NotificationKind;
  params: NotificationParams;
  locale: MailLocale;
  workspaceName: string;
  link: string;
  settingsLink: string;
}): Mail {
  const p = Object.fromEntries(Object.entries(input.params).map(([k, v]) => [k, v === null ? '' : String(v)]));
  const wording = WORDING[input.locale][input.kind];
  const headline = oneLine(wording.headline(p));
  const details = (wording.details?.(p) ?? []).filter((d): d is string => typeof d === 'string' && d !== '');
  const frame = FRAME[input.locale];
  return {
    to: input.to,
    subject: `[${oneLine(input.workspaceName)}] ${headline}`,
    text: [headline, ...details, `${frame.open}\n${input.link}`, '-- ', `${frame.settings}\n${input.settingsLink}`].join('\n\n') + '\n',
  };
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
