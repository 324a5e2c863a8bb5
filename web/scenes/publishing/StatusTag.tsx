import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../../../src/shared/api.js';

/** A post's status as words with a colour (the colour is never the only sign). */
export function StatusTag({ status }: { status: PostStatus }) {
  const { t } = useTranslation();
  return <span className={`tag post-tag post-${status}`}>{t(`postStatus.${status}`)}</span>;
}
