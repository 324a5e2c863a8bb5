import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../../src/shared/charter/charter.js';
import { rowKey, type AnyLanguage, type CharterDraft, type ForbiddenRow, type NameRow, type PreferRow } from './draft.js';
import { SelectInput, TextInput } from './fields.js';
import { upperFirst } from './describe.js';
import { RowList } from './RowList.js';

interface Props {
  draft: CharterDraft;
  set: (patch: Partial<CharterDraft>) => void;
}

/** Brand and product names with their wrong spellings, the words to prefer, and the words to avoid. */
export function VocabularySection({ draft, set }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const languages = (['', 'fr', 'en'] as AnyLanguage[]).map((value) => ({ value, label: upperFirst(value ? p(`languageNames.${value}`) : p('vocabulary.bothLanguages')) }));

  return (
    <>
      <fieldset className="charter-group">
        <legend>{p('names.legend')}</legend>
        <p className="hint">{p('names.hint')}</p>
        <RowList<NameRow>
          rows={draft.names}
          onChange={(names) => set({ names })}
          make={() => ({ key: rowKey(), name: '', variants: '' })}
          rowLabel={(i) => p('names.row', { n: i + 1 })}
          addLabel={p('names.add')}
          empty={p('names.empty')}
        >
          {(row, i, change) => (
            <>
              <TextInput label={p('names.name')} path={`names.${i}.name`} value={row.name} maxLength={120} onChange={(name) => change({ name })} />
              <TextInput label={p('names.variants')} path={`names.${i}.variants`} value={row.variants} onChange={(variants) => change({ variants })} hint={p('commaHint')} className="charter-wide" />
            </>
          )}
        </RowList>
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('prefer.legend')}</legend>
        <p className="hint">{p('prefer.hint')}</p>
        <RowList<PreferRow>
          rows={draft.prefer}
          onChange={(prefer) => set({ prefer })}
          make={() => ({ key: rowKey(), use: '', insteadOf: '', language: '', reason: '', severity: 'suggestion' })}
          rowLabel={(i) => p('prefer.row', { n: i + 1 })}
          addLabel={p('prefer.add')}
          empty={p('prefer.empty')}
        >
          {(row, i, change) => (
            <>
              <TextInput label={p('prefer.use')} path={`vocabulary.prefer.${i}.use`} value={row.use} maxLength={120} onChange={(use) => change({ use })} />
              <TextInput label={p('prefer.insteadOf')} path={`vocabulary.prefer.${i}.insteadOf`} value={row.insteadOf} onChange={(insteadOf) => change({ insteadOf })} hint={p('commaHint')} />
              <SelectInput label={p('vocabulary.language')} path={`vocabulary.prefer.${i}.language`} value={row.language} options={languages} onChange={(language) => change({ language })} />
              <SelectInput
                label={p('prefer.severity')}
                path={`vocabulary.prefer.${i}.severity`}
                value={row.severity}
                options={SEVERITIES.map((value) => ({ value, label: p(`severity.${value}`) }))}
                onChange={(severity) => change({ severity })}
              />
              <TextInput label={p('vocabulary.reason')} path={`vocabulary.prefer.${i}.reason`} value={row.reason} maxLength={500} onChange={(reason) => change({ reason })} className="charter-wide" />
            </>
          )}
        </RowList>
      </fieldset>

      <fieldset className="charter-group">
        <legend>{p('forbidden.legend')}</legend>
        <p className="hint">{p('forbidden.hint')}</p>
        <RowList<ForbiddenRow>
          rows={draft.forbidden}
          onChange={(forbidden) => set({ forbidden })}
          make={() => ({ key: rowKey(), term: '', language: '', reason: '', action: 'block' })}
          rowLabel={(i) => p('forbidden.row', { n: i + 1 })}
          addLabel={p('forbidden.add')}
          empty={p('forbidden.empty')}
        >
          {(row, i, change) => (
            <>
              <TextInput label={p('forbidden.term')} path={`vocabulary.forbidden.${i}.term`} value={row.term} maxLength={120} onChange={(term) => change({ term })} />
              <SelectInput label={p('vocabulary.language')} path={`vocabulary.forbidden.${i}.language`} value={row.language} options={languages} onChange={(language) => change({ language })} />
              <SelectInput
                label={p('forbidden.action')}
                path={`vocabulary.forbidden.${i}.action`}
                value={row.action}
                options={(['block', 'legal_review', 'warn'] as const).map((value) => ({ value, label: p(`forbidden.actions.${value}`) }))}
                onChange={(action) => change({ action })}
                hint={p(`forbidden.actionHints.${row.action}`)}
              />
              <TextInput label={p('vocabulary.reason')} path={`vocabulary.forbidden.${i}.reason`} value={row.reason} maxLength={500} onChange={(reason) => change({ reason })} className="charter-wide" />
            </>
          )}
        </RowList>
      </fieldset>
    </>
  );
}
