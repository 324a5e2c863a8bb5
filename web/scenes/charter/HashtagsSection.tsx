import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { rowKey, type BannedRow, type CampaignRow, type CharterDraft } from './draft.js';
import { SelectInput, TextInput } from './fields.js';
import { RowList } from './RowList.js';

interface Props {
  draft: CharterDraft;
  set: (patch: Partial<CharterDraft>) => void;
  campaigns: CampaignView[];
}

/** The brand's own hashtags, the banned ones and why, and those each campaign's posts must carry. */
export function HashtagsSection({ draft, set, campaigns }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  // A campaign deleted since keeps its line, under its id, until someone removes it.
  const known = new Set(campaigns.map((c) => c.id));
  const gone = draft.perCampaign.filter((c) => c.campaignId && !known.has(c.campaignId)).map((c) => c.campaignId);
  const campaignOptions = [
    { value: '', label: p('hashtags.pickCampaign') },
    ...campaigns.map((c) => ({ value: c.id, label: c.name })),
    ...[...new Set(gone)].map((id) => ({ value: id, label: p('hashtags.goneCampaign', { id }) })),
  ];

  return (
    <fieldset className="charter-group">
      <legend>{p('hashtags.legend')}</legend>
      <TextInput label={p('hashtags.key')} path="hashtags.key" value={draft.keyTags} onChange={(keyTags) => set({ keyTags })} hint={p('hashtags.keyHint')} />

      <h3 className="charter-subhead">{p('hashtags.banned')}</h3>
      <RowList<BannedRow>
        rows={draft.banned}
        onChange={(banned) => set({ banned })}
        make={() => ({ key: rowKey(), tag: '', reason: '' })}
        rowLabel={(i) => p('hashtags.bannedRow', { n: i + 1 })}
        addLabel={p('hashtags.addBanned')}
        empty={p('hashtags.bannedEmpty')}
      >
        {(row, i, change) => (
          <>
            <TextInput label={p('hashtags.tag')} path={`hashtags.banned.${i}.tag`} value={row.tag} maxLength={101} onChange={(tag) => change({ tag })} />
            <TextInput label={p('vocabulary.reason')} path={`hashtags.banned.${i}.reason`} value={row.reason} maxLength={500} onChange={(reason) => change({ reason })} className="charter-wide" />
          </>
        )}
      </RowList>

      <h3 className="charter-subhead">{p('hashtags.perCampaign')}</h3>
      {campaigns.length === 0 && draft.perCampaign.length === 0 ? <p className="hint">{p('hashtags.noCampaigns')}</p> : null}
      <RowList<CampaignRow>
        rows={draft.perCampaign}
        onChange={(perCampaign) => set({ perCampaign })}
        make={() => ({ key: rowKey(), campaignId: '', required: '' })}
        rowLabel={(i) => p('hashtags.campaignRow', { n: i + 1 })}
        addLabel={p('hashtags.addCampaign')}
        empty={p('hashtags.campaignEmpty')}
      >
        {(row, i, change) => (
          <>
            <SelectInput label={p('hashtags.campaign')} path={`hashtags.perCampaign.${i}.campaignId`} value={row.campaignId} options={campaignOptions} onChange={(campaignId) => change({ campaignId })} />
            <TextInput
              label={p('hashtags.required')}
              path={`hashtags.perCampaign.${i}.required`}
              value={row.required}
              onChange={(required) => change({ required })}
              hint={p('hashtags.tagsHint')}
              className="charter-wide"
            />
          </>
        )}
      </RowList>
    </fieldset>
  );
}
