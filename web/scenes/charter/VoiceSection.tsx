import { useTranslation } from 'react-i18next';
import type { CharterDraft, Language } from './draft.js';
import { upperFirst } from './describe.js';
import { Check, GroupError, NumberInput, SelectInput, TextInput } from './fields.js';

interface Props {
  draft: CharterDraft;
  set: (patch: Partial<CharterDraft>) => void;
}

const toggled = <T,>(values: readonly T[], value: T, on: boolean): T[] => (on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));

/** How the brand speaks: tu or vous, the English register, languages, emoji, signature and French typography. */
export function VoiceSection({ draft, set }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  return (
    <>
      <fieldset className="charter-group">
        <legend>{p('voice.legend')}</legend>
        <div className="charter-grid">
          <SelectInput
            label={p('voice.address')}
            path="voice.address"
            value={draft.address}
            onChange={(address) => set({ address })}
            options={(['tu', 'vous', 'any'] as const).map((value) => ({ value, label: p(`voice.addressOptions.${value}`) }))}
            hint={p(`voice.addressHints.${draft.address}`)}
          />
          <SelectInput
            label={p('voice.register')}
            path="voice.englishRegister"
            value={draft.englishRegister}
            onChange={(englishRegister) => set({ englishRegister })}
            options={(['casual', 'formal', 'any'] as const).map((value) => ({ value, label: p(`voice.registerOptions.${value}`) }))}
            hint={p(`voice.registerHints.${draft.englishRegister}`)}
          />
          <NumberInput
            label={p('voice.maxExclamations')}
            path="voice.maxExclamations"
            value={draft.maxExclamations}
            min={0}
            max={20}
            onChange={(maxExclamations) => set({ maxExclamations })}
            hint={p('noLimitHint')}
          />
        </div>
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('languages.legend')}</legend>
        <p className="hint">{p('languages.hint')}</p>
        <div className="charter-inline">
          {(['fr', 'en'] as Language[]).map((lang) => (
            <Check key={lang} label={upperFirst(p(`languageNames.${lang}`))} checked={draft.languages.includes(lang)} onChange={(on) => set({ languages: toggled(draft.languages, lang, on) })} />
          ))}
        </div>
        <GroupError path="languages" />
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('emoji.legend')}</legend>
        <div className="charter-grid">
          <SelectInput
            label={p('emoji.policy')}
            path="emoji"
            value={draft.emoji}
            onChange={(emoji) => set({ emoji })}
            options={(['none', 'few', 'free'] as const).map((value) => ({ value, label: p(`emoji.options.${value}`) }))}
          />
          {draft.emoji === 'few' ? (
            <NumberInput label={p('emoji.max')} path="emojiMax" value={draft.emojiMax} min={1} max={20} onChange={(emojiMax) => set({ emojiMax })} />
          ) : null}
        </div>
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('signature.legend')}</legend>
        <TextInput
          label={p('signature.text')}
          path="signature.text"
          value={draft.signatureText}
          maxLength={200}
          placeholder={p('signature.placeholder')}
          onChange={(signatureText) => set({ signatureText })}
          hint={p('signature.hint')}
        />
        <p className="charter-subhead" id="charter-signature-on">
          {p('signature.on')}
        </p>
        <div className="charter-inline" role="group" aria-labelledby="charter-signature-on">
          {(['reply', 'post'] as const).map((kind) => (
            <Check key={kind} label={p(`signature.kinds.${kind}`)} checked={draft.signatureOn.includes(kind)} onChange={(on) => set({ signatureOn: toggled(draft.signatureOn, kind, on) })} />
          ))}
        </div>
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('typography.legend')}</legend>
        <Check label={p('typography.label')} checked={draft.frenchTypography} onChange={(frenchTypography) => set({ frenchTypography })} hint={p('typography.hint')} />
      </fieldset>
    </>
  );
}
