import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField } from '../../components/Field.js';
import { listeningApi, type Source, type SourceKind } from './api.js';
import { listeningError } from './names.js';

type Choice = SourceKind;
const CHOICES: Choice[] = ['feed', 'mastodon_tag', 'mastodon_public', 'bluesky_jetstream', 'bluesky_relay'];
const JETSTREAM_EXAMPLE = 'wss://jetstream2.us-east.bsky.network/subscribe';
const RELAY_EXAMPLE = 'wss://bsky.network';

/** An address pasted as people write them ("lemonde.fr/rss"): a web address is read over https. */
function withScheme(kind: Choice, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || kind === 'bluesky_jetstream' || kind === 'bluesky_relay') return url;
  return `https://${url.replace(/^\/+/, '')}`;
}

/**
 * Adds one source: a feed by its address, a Mastodon hashtag on an instance or an instance's stream, or Bluesky's
 * whole network through a Jetstream or a firehose.
 */
export function AddSourceForm({ workspaceId, onAdded }: { workspaceId: string; onAdded: (s: Source) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Choice>('feed');
  const [url, setUrl] = useState('');
  const [tag, setTag] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said in the app's language, beside the button, rather than by the browser in its own.
    if (!url.trim()) {
      setError(t('listening.sources.add.needUrl'));
      return;
    }
    if (kind === 'mastodon_tag' && !tag.trim().replace(/^#/, '')) {
      setError(t('listening.sources.add.needTag'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input: { kind: SourceKind; url: string; tag?: string; title?: string } = { kind, url: withScheme(kind, url.trim()) };
      if ((kind === 'mastodon_tag' || kind === 'mastodon_public') && tag.trim()) input.tag = tag.trim().replace(/^#/, '');
      if (title.trim()) input.title = title.trim();
      const source = await listeningApi.addSource(workspaceId, input);
      setUrl('');
      setTag('');
      setTitle('');
      onAdded(source);
    } catch (e) {
      setError(listeningError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form source-form" noValidate onSubmit={submit}>
      <fieldset>
        <legend>{t('listening.sources.add.kind')}</legend>
        <div className="source-kinds">
          {CHOICES.map((c) => (
            <label key={c} className="source-kind">
              <input type="radio" name="source-kind" value={c} checked={kind === c} onChange={() => setKind(c)} />
              <span>
                <strong>{t(`listening.sources.kinds.${c}`)}</strong>
                <span className="hint">{t(`listening.sources.add.about.${c}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'feed' ? (
        <TextField label={t('listening.sources.add.feedUrl')} hint={t('listening.sources.add.feedUrlHint')} type="url" inputMode="url" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />
      ) : null}
      {kind === 'mastodon_tag' ? (
        <>
          <TextField label={t('listening.sources.add.instance')} hint={t('listening.sources.add.instanceHint')} type="url" inputMode="url" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />
          <TextField label={t('listening.sources.add.tag')} hint={t('listening.sources.add.tagHint')} required maxLength={100} value={tag} onChange={(e) => setTag(e.target.value)} />
        </>
      ) : null}
      {kind === 'mastodon_public' ? (
        <>
          <TextField label={t('listening.sources.add.instance')} hint={t('listening.sources.add.instanceHint')} type="url" inputMode="url" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />
          <TextField label={t('listening.sources.add.streamTag')} hint={t('listening.sources.add.streamTagHint')} maxLength={100} value={tag} onChange={(e) => setTag(e.target.value)} />
        </>
      ) : null}
      {kind === 'bluesky_relay' ? (
        <TextField label={t('listening.sources.add.relay')} hint={t('listening.sources.add.relayHint', { example: RELAY_EXAMPLE })} type="url" inputMode="url" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />
      ) : null}
      {kind === 'bluesky_jetstream' ? (
        <TextField
          label={t('listening.sources.add.jetstream')}
          hint={t('listening.sources.add.jetstreamHint', { example: JETSTREAM_EXAMPLE })}
          type="url"
          inputMode="url"
          required
          maxLength={2048}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      ) : null}
      <TextField label={t('listening.sources.add.title')} hint={t('listening.sources.add.titleHint')} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <ErrorAlert>{error}</ErrorAlert>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('listening.sources.add.submit')}
      </button>
    </form>
  );
}
