import type { Mail } from '../../mail/mailer.js';
import type { MailLocale } from '../notifications/mail-text.js';

const WORDING: Record<MailLocale, { subject: string; body: (name: string, link: string, minutes: number) => string[] }> = {
  en: {
    subject: 'Choose a new password for Ruche',
    body: (name, link, minutes) => [
      name ? `Hello ${name},` : 'Hello,',
      'Someone asked to choose a new password for the Ruche account that uses this e-mail address. To choose it, open this link:',
      link,
      `The link works once, within ${minutes} minutes. Choosing a new password signs this account out everywhere.`,
      'If you did not ask, ignore this e-mail: your password stays as it is.',
    ],
  },
  fr: {
    subject: 'Choisir un nouveau mot de passe pour Ruche',
    body: (name, link, minutes) => [
      name ? `Bonjour ${name},` : 'Bonjour,',
      'Quelqu’un a demandé à choisir un nouveau mot de passe pour le compte Ruche qui utilise cette adresse e-mail. Pour le choisir, ouvrez ce lien :',
      link,
      `Le lien fonctionne une seule fois, pendant ${minutes} minutes. Choisir un nouveau mot de passe déconnecte ce compte partout.`,
      'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.',
    ],
  },
};

/** The e-mail that carries a password-reset link. Plain text: nothing in it is interpreted as markup. */
export function passwordResetMail(input: { to: string; name: string; link: string; minutes: number; locale: MailLocale }): Mail {
  const w = WORDING[input.locale];
  const name = input.name.replace(/[\r\n\t]+/g, ' ').trim();
  return { to: input.to, subject: w.subject, text: w.body(name, input.link, input.minutes).join('\n\n') + '\n' };
}
