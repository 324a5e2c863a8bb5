import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import type { Topic } from '../api.js';

/** The topics the dashboard compares, each a toggle in its chart colour (so the chips are the charts' legend). */
export function TopicChips({ topics, selected, onChange }: { topics: Topic[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const toggle = (id: string) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    onChange(next.length > 0 ? next : [id]); // one topic stays: an empty dashboard explains nothing
  };
  return (
    <div className="topic-chips" role="group" aria-label={t('listening.dashboard.topics')}>
      {topics.map((topic) => {
        const on = selected.includes(topic.id);
        return (
          <button key={topic.id} type="button" className="topic-chip" aria-pressed={on} style={on ? { borderColor: topic.color, boxShadow: `inset 0 0 0 1px ${topic.color}` } : undefined} onClick={() => toggle(topic.id)}>
            <span className="topic-swatch" style={{ background: topic.color }} aria-hidden="true" />
            <UserText>{topic.name}</UserText>
          </button>
        );
      })}
    </div>
  );
}
