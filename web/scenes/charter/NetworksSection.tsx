import { useTranslation } from 'react-i18next';
import { networkName } from '../../lib/counters.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { DEFAULT_NETWORK, LIMITS, type CharterDraft, type NetworkDraft } from './draft.js';
import { Check, NumberInput } from './fields.js';

interface Props {
  draft: CharterDraft;
  set: (patch: Partial<CharterDraft>) => void;
}

const MAX: Record<(typeof LIMITS)[number], number> = { maxLength: 100_000, maxLinks: 50, maxMentions: 50, maxHashtags: 50 };

/** Limits per network: the default ones, and for each network the workspace publishes to, its own if it needs them. */
export function NetworksSection({ draft, set }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const change = (name: string, patch: Partial<NetworkDraft>) => set({ networks: { ...draft.networks, [name]: { ...draft.networks[name], ...patch } } });

  return (
    <fieldset className="charter-group">
      <legend>{p('networks.legend')}</legend>
      <p className="hint">{p('networks.hint')}</p>
      {Object.entries(draft.networks).map(([name, rules]) => {
        const title = name === DEFAULT_NETWORK ? p('networks.default') : networkName(name);
        return (
          <fieldset key={name} className="charter-network">
            <legend>
              {name === DEFAULT_NETWORK ? null : <NetworkIcon network={name} />}
              {title}
            </legend>
            {name === DEFAULT_NETWORK ? null : (
              <Check label={p('networks.own', { network: title })} checked={rules.own} onChange={(own) => change(name, { own })} />
            )}
            {rules.own ? (
              <>
                <div className="charter-grid charter-limits">
                  {LIMITS.map((limit) => (
                    <NumberInput
                      key={limit}
                      label={p(`networks.${limit}`)}
                      path={`networks.${name}.${limit}`}
                      value={rules[limit]}
                      min={limit === 'maxLength' ? 1 : 0}
                      max={MAX[limit]}
                      onChange={(value) => change(name, { [limit]: value })}
                    />
                  ))}
                </div>
                <p className="hint">{p('noLimitHint')}</p>
                <div className="charter-inline">
                  <Check label={p('networks.visualRequired')} checked={rules.visualRequired} onChange={(visualRequired) => change(name, { visualRequired })} />
                  <Check label={p('networks.altTextRequired')} checked={rules.altTextRequired} onChange={(altTextRequired) => change(name, { altTextRequired })} />
                </div>
              </>
            ) : (
              <p className="hint">{p('networks.usesDefault')}</p>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
