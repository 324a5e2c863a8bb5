import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServer } from 'smtp-server';
import { databases } from '../../helpers/ruche.js';
import { readableMail, startSmtp } from '../../helpers/smtp.js';
import { REPORTS_SCHEDULE_DUE } from '../../../src/modules/reports/job-names.js';
import { at } from '../../analytics/figures/fixture.js';
import { reportsRuche, seedMarch, type ReportsRuche } from './setup.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databases)('scheduled reports on %s', (kind) => {
  let r: ReportsRuche;
  let smtp: { server: SMTPServer; port: number; inbox: { to: string[]; raw: string }[] };
  let base: string;
  let templateId: string;

  /** Runs the scheduling duty once, as the scheduler would, and waits for it to finish. */
  async function runSchedule(tag: string) {
    const { id } = await r.ruche.ctx.jobs.queue.enqueue(REPORTS_SCHEDULE_DUE, {}, { idempotencyKey: `test-schedule:${tag}` });
    for (let i = 0; i < 200; i++) {
      const job = await r.ruche.ctx.jobs.queue.get(id);
      if (job?.status === 'succeeded') return job.result as { due: number; made: number };
      if (job?.status === 'failed') throw new Error(job.lastError ?? 'failed');
      await wait(50);
    }
    throw new Error('the schedule never ran');
  }

  async function reports() {
    return (await r.owner.get(base)).body.items as { id: string; status: string; title: string; periodStart: string; periodEnd: string; recipients: string[]; error: string | null }[];
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    r = await reportsRuche(kind, '2026-03-20T10:00:00Z', { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    base = `/api/v1/workspaces/${r.ws}/reports`;
    await seedMarch(r.ruche.ctx.store.db, r.ws);
  }, 60_000);
  afterAll(async () => {
    await r?.ruche.stop();
    await new Promise<void>((done) => (smtp ? smtp.server.close(() => done()) : done()));
  });

  it('plans the next run on the 1st of next month, workspace time', async () => {
    const res = await r.owner.post(`${base}/templates`, {
      name: 'Bilan client', period: 'month', locale: 'fr', sections: ['cover', 'summary', 'key_figures', 'top_posts', 'recommendations'],
      texts: { summary: 'Un mois de lancement.' }, brandColor: '#0b7285',
      schedule: { enabled: true, recipients: ['client@brand.example', 'boss@brand.example'] },
    });
    expect(res.status).toBe(201);
    templateId = res.body.id;
    // 08:00 in Paris, already on summer time on 1 April.
    expect(res.body.nextRunAt).toBe('2026-04-01T06:00:00.000Z');
    expect(res.body.schedule).toEqual({ enabled: true, recipients: ['client@brand.example', 'boss@brand.example'] });
    expect((await runSchedule('early')).made).toBe(0);
    expect(await reports()).toEqual([]);
  });

  it('makes the report of the month just ended once, and mails it with its PDF once', async () => {
    r.clock.t = at('2026-04-01T06:05:00Z');
    const [first, second] = await Promise.all([runSchedule('a'), runSchedule('b')]);
    expect(first.made + second.made).toBe(1);
    expect((await runSchedule('c')).made).toBe(0);

    let list = await reports();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: 'Bilan client — Mars 2026', periodStart: '2026-02-28T23:00:00.000Z', periodEnd: '2026-03-31T22:00:00.000Z',
      recipients: ['client@brand.example', 'boss@brand.example'] });
    for (let i = 0; i < 300 && smtp.inbox.length < 2; i++) await wait(100);
    list = await reports();
    expect(list[0].status, list[0].error ?? '').toBe('ready');
    expect(smtp.inbox.map((m) => m.to).flat().sort()).toEqual(['boss@brand.example', 'client@brand.example']);
    for (const mail of smtp.inbox) {
      const text = readableMail(mail.raw);
      expect(text).toContain('Bilan client — Mars 2026');
      expect(text).toContain('Vous trouverez ci-joint le rapport « Bilan client — Mars 2026 » pour Mars 2026.');
      expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=bilan-client-mars-2026-2026-03-01\.pdf/);
      expect(mail.raw).toContain('Content-Disposition: attachment');
      // The attachment is the PDF itself, base64: "%PDF-" opens it.
      expect(mail.raw).toContain('JVBERi0');
    }

    const template = (await r.owner.get(`${base}/templates/${templateId}`)).body;
    expect(template.nextRunAt).toBe('2026-05-01T06:00:00.000Z');

    // The duty running again, later the same day, sends nothing more.
    r.clock.t += 3_600_000;
    expect((await runSchedule('d')).made).toBe(0);
    await wait(1000);
    expect(await reports()).toHaveLength(1);
    expect(smtp.inbox).toHaveLength(2);
  }, 120_000);

  it('stops when the schedule is switched off', async () => {
    const off = await r.owner.patch(`${base}/templates/${templateId}`, { schedule: { enabled: false, recipients: [] } });
    expect(off.status).toBe(200);
    expect(off.body.nextRunAt).toBeNull();
    r.clock.t = at('2026-05-01T07:00:00Z');
    expect((await runSchedule('may')).made).toBe(0);
    expect(await reports()).toHaveLength(1);
  });

  it('lists, renames and deletes a template; its reports stay', async () => {
    const renamed = await r.owner.patch(`${base}/templates/${templateId}`, { name: 'Bilan mensuel' });
    expect(renamed.status).toBe(200);
    expect((await r.owner.get(`${base}/templates`)).body.items.map((x: { name: string }) => x.name)).toEqual(['Bilan mensuel']);
    expect((await r.owner.patch(`${base}/templates/${templateId}`, { brandColor: 'red' })).status).toBe(400);
    expect((await r.owner.delete(`${base}/templates/${templateId}`)).status).toBe(204);
    expect((await r.owner.get(`${base}/templates/${templateId}`)).status).toBe(404);
    const list = await reports();
    expect(list).toHaveLength(1);
    expect((list[0] as unknown as { templateId: string | null }).templateId).toBeNull();
  });
});
