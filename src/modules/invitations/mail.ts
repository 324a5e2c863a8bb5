import type { Mail } from '../../mail/mailer.js';

/** The invitation e-mail, in the workspace's language. */
export function invitationMail(input: {
  to: string;
  workspaceName: string;
  inviter: string;
  link: string;
  locale: string;
  days: number;
}): Mail {
  const { to, workspaceName, inviter, link, days } = input;
  if (input.locale === 'fr') {
    return {
      to,
      subject: `${inviter} vous invite à rejoindre ${workspaceName} sur Ruche`,
      text: `Bonjour,\n\n${inviter} vous invite à rejoindre l'espace « ${workspaceName} » sur Ruche.\n\nAcceptez l'invitation ici (valable ${days} jours) :\n${link}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n`,
    };
  }
  return {
    to,
    subject: `${inviter} invited you to ${workspaceName} on Ruche`,
    text: `Hello,\n\n${inviter} invited you to the "${workspaceName}" workspace on Ruche.\n\nAccept the invitation here (valid for ${days} days):\n${link}\n\nIf you did not expect this message, ignore it.\n`,
  };
}
