import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../../../src/shared/api.js';
import { statusKey } from './status.js';

/**
 * A post's status as words with a colour (the colour is never the only sign). Give `approvalRequired` where it
 * is known: an "approved" post that no step had to approve is called ready.
 */
export function StatusTag({ status, approvalRequired }: { status: PostStatus; approvalRequired?: boolean }) {
  const { t } = useTranslation();
  return <span className={`tag post-tag post-${status}`}>{t(statusKey(status, approvalRequired))}</span>;
}
