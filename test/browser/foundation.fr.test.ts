/**
 * The same core path in French: a browser that prefers French gets French without asking, and the
 * language can be switched to English and stays switched.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, newVisitor, startServer } from './harness.js';
import { consoleErrors, ui } from './helpers.js';

const TIMEOUT = 120_000;

describe("l'application en français", () => {
  const suite = browserSuite(() => startServer(), TIMEOUT);

  it('crée le propriétaire, invite, change un rôle, puis passe en anglais', async () => {
    const owner = await newVisitor(suite.browser, suite.server, 'fr-FR');
    const moi = ui(owner.page, 'fr');

    const erreurs = consoleErrors(owner.page);
    await owner.page.goto('/');
    // Written out here rather than read from fr.json, so a missing translation cannot pass unnoticed.
    await moi.heading('Créer le compte propriétaire').waitFor();
    expect(await moi.htmlLang()).toBe('fr');
    // Not signed in yet, and no failed request in the console for it.
    expect(erreurs).toEqual([]);

    // What is missing or mistyped is said in French, above the form, with the focus on the field to fill.
    await moi.button('Créer le compte').click();
    await moi.expectAlert('Écrivez votre nom.');
    expect(await owner.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe('name');
    await owner.page.getByLabel('Votre nom', { exact: true }).fill('Camille Dupont');
    await owner.page.getByLabel('Adresse e-mail', { exact: true }).fill('camille.example.fr');
    await moi.button('Créer le compte').click();
    await moi.expectAlert('«\u00a0camille.example.fr\u00a0» n’est pas une adresse e-mail.');
    await owner.page.getByLabel('Adresse e-mail', { exact: true }).fill('camille@example.fr');
    await owner.page.getByLabel('Mot de passe', { exact: true }).fill('mot de passe 1');
    await moi.button('Créer le compte').click();
    await moi.expectAlert('Donnez un nom à l’espace\u00a0: en général, celui de la marque.');

    await moi.setupOwner({ name: 'Camille Dupont', email: 'camille@example.fr', password: 'mot de passe 1', workspace: 'Miel & Co' });
    await moi.expectPage('Miel & Co');
    await owner.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: /^Veille/ }).waitFor();

    await moi.goTo('members');
    await moi.expectPage('Membres');
    const roleOptions = await owner.page.getByLabel('Rôle à donner', { exact: true }).locator('option').allTextContents();
    expect(roleOptions).toContain('Community manager');
    // A mistyped address is told in French, in the form, whatever the browser's own language.
    await owner.page.getByLabel('Adresse e-mail de la personne à inviter', { exact: true }).fill('dominique.example.fr');
    await moi.button('Créer l’invitation').click();
    await moi.expectAlert('«\u00a0dominique.example.fr\u00a0» n’est pas une adresse e-mail.');
    const link = await moi.invite('dominique@example.fr', 'community_manager');
    await owner.page.getByText(/Invitation créée pour dominique@example\.fr/).waitFor();

    const invitee = await newVisitor(suite.browser, suite.server, 'fr-CA');
    const dominique = ui(invitee.page, 'fr');
    await invitee.page.goto(new URL(link).pathname);
    await dominique.heading('Rejoindre Miel & Co').waitFor();
    await invitee.page.getByText(/en tant que Community manager/).waitFor();
    // Rejoindre sans mot de passe : dit en français, sans rien envoyer.
    await dominique.button('Rejoindre l’espace').click();
    await dominique.expectAlert('Écrivez votre mot de passe.');
    await dominique.acceptInvitation('Dominique Martin', 'mot de passe 2');
    await dominique.heading('Miel & Co').waitFor();

    await owner.page.reload();
    await moi.heading('Membres').waitFor();
    await moi.changeRole('Dominique Martin', 'analyst');
    await owner.page.getByRole('status').filter({ hasText: 'Dominique Martin est maintenant Analyste social media.' }).waitFor();
    // Inviting a member again is refused, saying where to change their role instead.
    await owner.page.getByLabel('Adresse e-mail de la personne à inviter', { exact: true }).fill('dominique@example.fr');
    await moi.button('Créer l’invitation').click();
    await moi.expectAlert('Cette personne est déjà membre de l’espace\u00a0: changez plutôt son rôle dans la liste des membres.');

    await moi.goTo('audit');
    await owner.page.getByRole('cell', { name: 'Camille Dupont a fait passer Dominique Martin du rôle Community manager au rôle Analyste social media' }).waitFor();

    // Switching to English works at once, updates <html lang>, and survives a reload.
    await moi.chooseLanguage('en');
    const me = ui(owner.page, 'en');
    await me.heading('Audit log').waitFor();
    expect(await me.htmlLang()).toBe('en');
    await owner.page.reload();
    await me.heading('Audit log').waitFor();
    await me.goTo('members');
    await owner.page.getByLabel('Role of Dominique Martin', { exact: true }).waitFor();
    expect(await owner.page.getByRole('option', { name: 'Social analyst' }).count()).toBeGreaterThan(0);

    await owner.context.close();
    await invitee.context.close();
  }, TIMEOUT);
});
