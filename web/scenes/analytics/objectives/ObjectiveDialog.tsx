import { useState } from 'react';
import { NETWORK_IDS, networkName } from '../../../lib/networks.js';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { useSubmit } from '../../../app/useSubmit.js';
import { useLoad } from '../../../app/useLoad.js';
import { publishing } from '../../../api/publishing.js';
import { Dialog } from '../../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { SelectField, TextField } from '../../../components/Field.js';
import { DayField } from '../../../components/DateField.js';
import { listeningApi } from '../../listening/api.js';
import { OBJECTIVE_METRICS, analyticsApi, type Objective, type ObjectiveInput, type ObjectiveMetric } from '../api.js';
import { presetRange } from '../period.js';
import { unitOf } from '../figures.js';

const PUBLISHING_METRICS: readonly ObjectiveMetric[] = [
  'engagement_rate',
  'engagement',
  'followers_gained',
  'followers',
  'posts_published',
  'views',
];
const LISTENING_METRICS: readonly ObjectiveMetric[] = ['share_of_voice', 'mentions', 'positive_share'];
const PERIODS = ['this_month', 'next_month', 'this_quarter', 'next_quarter', 'custom'] as const;
type PeriodChoice = (typeof PERIODS)[number];

function periodOf(
  choice: PeriodChoice,
  zone: string,
  custom: { from: string; to: string },
): { start: string; end: string } | null {
  const now = Date.now();
  const shift = (range: { from: string; to: string }, months: number) => ({
    start: DateTime.fromISO(range.from).setZone(zone).plus({ months }).toUTC().toISO()!,
    end: DateTime.fromISO(range.to).setZone(zone).plus({ months }).toUTC().toISO()!,
  });
  if (choice === 'this_month') return shift(presetRange('this_month', zone, now), 0);
  if (choice === 'next_month') return shift(presetRange('this_month', zone, now), 1);
  if (choice === 'this_quarter') return shift(presetRange('this_quarter', zone, now), 0);
  if (choice === 'next_quarter') return shift(presetRange('this_quarter', zone, now), 3);
  const from = DateTime.fromISO(custom.from, { zone });
  const to = DateTime.fromISO(custom.to, { zone });
  if (!from.isValid || !to.isValid || to < from) return null;
  return {
    start: from.startOf('day').toUTC().toISO()!,
    end: to.startOf('day').plus({ days: 1 }).toUTC().toISO()!,
  };
}

interface Props {
  workspaceId: string;
  zone: string;
  objective: Objective | null;
  onSaved: (o: Objective) => void;
  onClose: () => void;
}

/** Create or change an objective: what is measured, on what, which way, how far, and over which period. */
export function ObjectiveDialog({ workspaceId, zone, objective, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(objective?.name ?? '');
  const [metric, setMetric] = useState<ObjectiveMetric>(objective?.metric ?? 'engagement_rate');
  const [network, setNetwork] = useState(objective?.network ?? '');
  const [accountId, setAccountId] = useState(objective?.accountId ?? '');
  const [topicId, setTopicId] = useState(objective?.topicId ?? '');
  const [comparison, setComparison] = useState(objective?.comparison ?? 'at_least');
  const [target, setTarget] = useState(objective ? String(objective.target) : '');
  const [relative, setRelative] = useState(objective?.relative ?? false);
  const [period, setPeriod] = useState<PeriodChoice>(objective ? 'custom' : 'this_month');
  const [custom, setCustom] = useState(() =>
    objective
      ? {
          from: DateTime.fromISO(objective.periodStart).setZone(zone).toISODate()!,
          to: DateTime.fromISO(objective.periodEnd).setZone(zone).minus({ milliseconds: 1 }).toISODate()!,
        }
      : { from: '', to: '' },
  );
  // Accounts and topics are offered where they apply; a member who cannot list them still sets workspace-wide goals.
  const [accounts] = useLoad(() => publishing.accounts.list(workspaceId).catch(() => ({ items: [] })), [workspaceId]);
  const [topics] = useLoad(() => listeningApi.topics(workspaceId).catch(() => ({ items: [] })), [workspaceId]);
  const onPublishing = PUBLISHING_METRICS.includes(metric);
  const onListening = LISTENING_METRICS.includes(metric);
  const unit = relative ? 'percent' : unitOf(metric);

  const submit = useSubmit(async (): Promise<void> => {
    const value = Number(target.replace(',', '.'));
    const range = periodOf(period, zone, custom);
    if (!name.trim()) {
      submit.setError(t('analytics.objectives.form.nameMissing'));
      return;
    }
    if (!target.trim() || !Number.isFinite(value)) {
      submit.setError(t('analytics.objectives.form.targetMissing'));
      return;
    }
    if (!range) {
      submit.setError(t('analytics.objectives.form.periodMissing'));
      return;
    }
    const input: ObjectiveInput = {
      name: name.trim(),
      metric,
      network: onPublishing && network ? network : null,
      accountId: onPublishing && accountId ? accountId : null,
      topicId: onListening && topicId ? topicId : null,
      comparison,
      target: value,
      relative,
      periodStart: range.start,
      periodEnd: range.end,
    };
    onSaved(
      objective
        ? await analyticsApi.objectives.update(workspaceId, objective.id, input)
        : await analyticsApi.objectives.create(workspaceId, input),
    );
  });

  return (
    <Dialog
      title={objective ? t('analytics.objectives.form.editTitle') : t('analytics.objectives.form.newTitle')}
      onClose={onClose}
      className="objective-dialog"
    >
      <form onSubmit={submit.onSubmit} className="form objective-form" noValidate>
        <ErrorAlert>{submit.error}</ErrorAlert>
        <TextField
          label={t('analytics.objectives.form.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          placeholder={t('analytics.objectives.form.namePlaceholder')}
          autoFocus
        />
        <SelectField
          label={t('analytics.objectives.form.metric')}
          value={metric}
          onChange={(e) => setMetric(e.target.value as ObjectiveMetric)}
          options={OBJECTIVE_METRICS.map((m) => ({
            value: m,
            label: t(`analytics.metrics.${m}`),
          }))}
          hint={t(`analytics.metricHints.${metric}`)}
        />
        {onPublishing ? (
          <div className="objective-row">
            <SelectField
              label={t('analytics.objectives.form.network')}
              value={network}
              onChange={(e) => setNetwork(e.target.value)}
              options={[
                { value: '', label: t('analytics.filters.all') },
                ...NETWORK_IDS.map((n) => ({ value: n, label: networkName(n) })),
              ]}
            />
            <SelectField
              label={t('analytics.objectives.form.account')}
              value={accountId}
              onChange={(e) => setAccountId(e.target.value)}
              options={[
                { value: '', label: t('analytics.filters.all') },
                ...(accounts.data?.items ?? []).map((a) => ({
                  value: a.id,
                  label: `@${a.handle}`,
                })),
              ]}
            />
          </div>
        ) : null}
        {onListening ? (
          <SelectField
            label={t('analytics.objectives.form.topic')}
            value={topicId}
            onChange={(e) => setTopicId(e.target.value)}
            options={[
              { value: '', label: t('analytics.objectives.form.brandTopics') },
              ...(topics.data?.items ?? []).map((x) => ({
                value: x.id,
                label: x.name,
              })),
            ]}
          />
        ) : null}
        <div className="objective-row">
          <SelectField
            label={t('analytics.objectives.form.comparison')}
            value={comparison}
            onChange={(e) => setComparison(e.target.value as 'at_least' | 'at_most')}
            options={[
              {
                value: 'at_least',
                label: t('analytics.objectives.form.at_least'),
              },
              {
                value: 'at_most',
                label: t('analytics.objectives.form.at_most'),
              },
            ]}
          />
          <TextField
            label={t('analytics.objectives.form.target')}
            inputMode="decimal"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            hint={t(`analytics.objectives.form.unit.${unit}`)}
          />
        </div>
        <label className="check-row">
          <input type="checkbox" checked={relative} onChange={(e) => setRelative(e.target.checked)} />
          {t('analytics.objectives.form.relative')}
        </label>
        <SelectField
          label={t('analytics.objectives.form.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value as PeriodChoice)}
          options={PERIODS.map((p) => ({
            value: p,
            label: t(`analytics.objectives.form.periods.${p}`),
          }))}
        />
        {period === 'custom' ? (
          <div className="objective-row">
            <DayField label={t('analytics.period.from')} value={custom.from} max={custom.to || undefined} onChange={(from) => setCustom({ ...custom, from })} />
            <DayField label={t('analytics.period.to')} value={custom.to} min={custom.from || undefined} onChange={(to) => setCustom({ ...custom, to })} />
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={submit.busy}>
            {objective ? t('analytics.objectives.form.save') : t('analytics.objectives.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
