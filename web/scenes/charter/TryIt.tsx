import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import type { Charter } from '../../../src/shared/charter/charter.js';
import { checkMessage } from '../../../src/shared/charter/check.js';
import type { CheckInput } from '../../../src/shared/charter/findings.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { networkName } from '../../lib/counters.js';
import { upperFirst } from './describe.js';
import { Check, SelectInput, TextInput } from './fields.js';

interface Props {
  /** The charter as edited, not yet saved. */
  charter: Charter;
  /** The edited charter has a problem: the last rules that held are tried instead. */
  stale: boolean;
  networks: string[];
  campaigns: CampaignView[];
}

type Kind = CheckInput['kind'];

/** A sample message checked against the charter being edited, on every keystroke, before anything is saved. */
export function TryIt({ charter, stale, networks, campaigns }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<Kind>('post');
  const [network, setNetwork] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [language, setLanguage] = useState<'' | 'fr' | 'en'>('');
  const [firstName, setFirstName] = useState('');
  const [image, setImage] = useState(false);
  const [altText, setAltText] = useState(false);

  const result = useMemo(
    () =>
      checkMessage(charter, {
        text,
        kind,
        network: network || null,
        campaignId: kind === 'post' && campaignId ? campaignId : null,
        language: language || null,
        writerFirstName: firstName.trim() || null,
        media: { count: image ? 1 : 0, withAltText: image && altText ? 1 : 0 },
      }),
    [charter, text, kind, network, campaignId, language, firstName, image, altText],
  );

  return (
    <section className="card charter-try" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{p('try.title')}</h2>
      <p className="hint">{p('try.lead')}</p>
      {stale ? <p className="alert alert-info">{p('try.stale')}</p> : null}
      <div className="charter-grid">
        <SelectInput<Kind>
          label={p('try.kind')}
          path="try.kind"
          value={kind}
          onChange={setKind}
          options={(['post', 'reply', 'saved_reply'] as const).map((value) => ({ value, label: p(`try.kinds.${value}`) }))}
        />
        <SelectInput
          label={p('try.network')}
          path="try.network"
          value={network}
          onChange={setNetwork}
          options={[{ value: '', label: p('try.anyNetwork') }, ...networks.map((n) => ({ value: n, label: networkName(n) }))]}
        />
        {kind === 'post' ? (
          <SelectInput
            label={p('try.campaign')}
            path="try.campaign"
            value={campaignId}
            onChange={setCampaignId}
            options={[{ value: '', label: p('try.noCampaign') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
          />
        ) : null}
        <SelectInput<'' | 'fr' | 'en'>
          label={p('try.language')}
          path="try.language"
          value={language}
          onChange={setLanguage}
          options={[{ value: '', label: p('try.detect') }, { value: 'fr', label: upperFirst(p('languageNames.fr')) }, { value: 'en', label: upperFirst(p('languageNames.en')) }]}
        />
        <TextInput label={p('try.firstName')} path="try.firstName" value={firstName} maxLength={60} onChange={setFirstName} hint={p('try.firstNameHint')} />
      </div>
      {kind === 'post' ? (
        <div className="charter-inline">
          <Check label={p('try.image')} checked={image} onChange={setImage} />
          {image ? <Check label={p('try.altText')} checked={altText} onChange={setAltText} /> : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{p('try.text')}</label>
        <LintedTextarea
          id={`${id}-text`}
          ref={textarea}
          rows={4}
          value={text}
          findings={result.findings}
          aria-describedby={`${id}-findings`}
          lang={language || result.language || undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {text.trim() ? (
        <CharterFindings id={`${id}-findings`} findings={result.findings} kind={kind} text={text} textarea={textarea} onChange={setText} label={p('try.findings')} />
      ) : (
        <p className="hint" id={`${id}-findings`}>
          {p('try.empty')}
        </p>
      )}
    </section>
  );
}
