import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { useWorkspace } from '../../app/workspace.js';
import { SelectField, TextField } from '../../components/Field.js';
import type { Draft } from './draft.js';
import { languageName, useDetectedLanguage } from './detected-language.js';
import { showDirectionControls } from '../../lib/bidi.js';

interface PostDetailsProps {
  draft: Draft;
  campaigns: CampaignView[];
  onChange: (patch: Partial<Draft>) => void;
  disabled?: boolean;
}

/** Labels, campaign and language: how the team finds and sorts the post, and the language the networks are told. */
export function PostDetails({ draft, campaigns, onChange, disabled }: PostDetailsProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const detecting = draft.language === '';
  const detected = useDetectedLanguage(workspace.workspaceId, draft.body, detecting);
  const found = detected ? languageName(detected.code, i18n.language) : '';
  return (
    <fieldset className="post-details">
      <legend>{t('composer.details')}</legend>
      <TextField label={t('composer.labels')} hint={t('composer.labelsHint')} value={draft.labels} disabled={disabled} onChange={(e) => onChange({ labels: e.target.value })} />
      <SelectField
        label={t('composer.campaign')}
        value={draft.campaignId}
        disabled={disabled}
        onChange={(e) => onChange({ campaignId: e.target.value })}
        options={[{ value: '', label: t('common.none', { context: 'campaign' }) }, ...campaigns.map((c) => ({ value: c.id, label: showDirectionControls(c.name) }))]}
      />
      <SelectField
        label={t('composer.language')}
        value={draft.language}
        disabled={disabled}
        onChange={(e) => onChange({ language: e.target.value === 'fr' || e.target.value === 'en' ? e.target.value : '' })}
        options={[
          { value: '', label: t('composer.languageAuto') },
          { value: 'fr', label: t('lang.names.fr') },
          { value: 'en', label: t('lang.names.en') },
        ]}
        hint={
          detecting ? (
            <span className="detected-language">
              {!detected ? t('composer.detecting') : detected.source === 'text' ? t('composer.detected', { language: found }) : t('composer.detectedFallback', { language: found })}
            </span>
          ) : undefined
        }
      />
    </fieldset>
  );
}
