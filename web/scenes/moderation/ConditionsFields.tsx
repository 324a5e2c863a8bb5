import { useId } from 'react';
import { NETWORK_IDS, networkName } from '../../lib/networks.js';
import { useTranslation } from 'react-i18next';
import { ITEM_KINDS, SENTIMENTS, TOXICITY_CATEGORIES } from '../../api/moderation.js';
import { formatPercent } from '../../lib/format.js';
import type { RuleDraft, Tri } from './rule-draft.js';

const NETWORKS = NETWORK_IDS;

interface Props {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  patternError: boolean;
}

function Text({ label, hint, value, onChange, type = 'text', invalid }: { label: string; hint?: string; value: string; onChange: (v: string) => void; type?: string; invalid?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} min={type === 'number' ? 0 : undefined} value={value} aria-invalid={invalid || undefined} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function TriSelect({ label, value, onChange, options }: { label: string; value: Tri; onChange: (v: Tri) => void; options: [string, string, string] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Tri)}>
        <option value="">{options[0]}</option>
        <option value="yes">{options[1]}</option>
        <option value="no">{options[2]}</option>
      </select>
    </div>
  );
}

function Checks<T extends string>({ legend, all, chosen, label, onChange }: { legend: string; all: readonly T[]; chosen: T[]; label: (v: T) => string; onChange: (v: T[]) => void }) {
  return (
    <fieldset className="mod-checks">
      <legend>{legend}</legend>
      <div className="role-choices">
        {all.map((v) => (
          <label key={v} className="check">
            <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))} />
            {label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Every condition a rule can hold, grouped by what it looks at; an empty field accepts any item. */
export function ConditionsFields({ draft, set, patternError }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const e = (key: string, values?: Record<string, unknown>) => t(`moderation.editor.${key}`, values);
  return (
    <>
      <fieldset className="card mod-group">
        <legend>{e('groups.content')}</legend>
        <div className="mod-grid">
          <div className="field">
            <label htmlFor={`${id}-tox`}>{e('toxicity')}</label>
            <select id={`${id}-tox`} value={draft.toxicity} onChange={(ev) => set({ toxicity: ev.target.value as RuleDraft['toxicity'] })}>
              <option value="">{e('toxicityNone')}</option>
              <option value="any">{e('toxicityAny')}</option>
              {TOXICITY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`moderation.categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {draft.toxicity ? (
            <div className="field">
              <label htmlFor={`${id}-thr`}>{e('threshold')}</label>
              <div className="mod-slider">
                <input
                  id={`${id}-thr`}
                  type="range"
                  min={0.3}
                  max={1}
                  step={0.05}
                  value={draft.threshold}
                  aria-valuetext={e('thresholdValue', { percent: formatPercent(draft.threshold, i18n.language) })}
                  onChange={(ev) => set({ threshold: Number(ev.target.value) })}
                />
                <output htmlFor={`${id}-thr`}>{e('thresholdValue', { percent: formatPercent(draft.threshold, i18n.language) })}</output>
              </div>
            </div>
          ) : null}
        </div>
        <Text label={e('keywords')} hint={e('keywordsHint')} value={draft.keywords} onChange={(keywords) => set({ keywords })} />
        <Text label={e('pattern')} hint={patternError ? e('problems.pattern') : e('patternHint')} value={draft.pattern} invalid={patternError} onChange={(pattern) => set({ pattern })} />
        <div className="mod-grid">
          <Text label={e('languages')} hint={e('languagesHint')} value={draft.languages} onChange={(languages) => set({ languages })} />
          <TriSelect label={e('link')} value={draft.link} onChange={(link) => set({ link })} options={[e('either'), e('linkYes'), e('linkNo')]} />
          <TriSelect label={e('complaint')} value={draft.complaint} onChange={(complaint) => set({ complaint })} options={[e('either'), e('complaintYes'), e('complaintNo')]} />
        </div>
        <Checks legend={e('sentiment')} all={SENTIMENTS} chosen={draft.sentiment} label={(s) => t(`moderation.sentiments.${s}`)} onChange={(sentiment) => set({ sentiment })} />
      </fieldset>
      <fieldset className="card mod-group">
        <legend>{e('groups.author')}</legend>
        <div className="mod-grid">
          <Text label={e('lists')} hint={e('listsHint')} value={draft.lists} onChange={(lists) => set({ lists })} />
          <Text label={e('age')} type="number" value={draft.maxAgeDays} onChange={(maxAgeDays) => set({ maxAgeDays })} />
          <Text label={e('followersMin')} type="number" value={draft.minFollowers} onChange={(minFollowers) => set({ minFollowers })} />
          <Text label={e('followersMax')} type="number" value={draft.maxFollowers} onChange={(maxFollowers) => set({ maxFollowers })} />
          <Text label={e('removed')} hint={e('removedHint')} type="number" value={draft.removedAtLeast} onChange={(removedAtLeast) => set({ removedAtLeast })} />
        </div>
      </fieldset>
      <fieldset className="card mod-group">
        <legend>{e('groups.where')}</legend>
        <Checks legend={e('networks')} all={NETWORKS} chosen={draft.networks as Array<(typeof NETWORKS)[number]>} label={(n) => networkName(n)} onChange={(networks) => set({ networks })} />
        <Checks legend={e('kinds')} all={ITEM_KINDS} chosen={draft.kinds} label={(k) => t(`moderation.kinds.${k}`)} onChange={(kinds) => set({ kinds })} />
      </fieldset>
    </>
  );
}
