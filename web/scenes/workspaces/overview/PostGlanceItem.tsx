import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PostGlance } from '../../../../src/shared/api.js';
import { networkName } from '../../../lib/counters.js';
import { UserText } from '../../../components/UserText.js';
import { StatusTag } from '../../publishing/StatusTag.js';

interface PostGlanceItemProps {
  post: PostGlance;
  /** The post's page. */
  to: string;
  /** When it is planned, already formatted ("09:30", "Thu 16 Jan, 09:30"); nothing when it has no time. */
  when: string | null;
  /** Shows each account's error under the text (failed posts). */
  withErrors?: boolean;
  /** False where posts need nobody's approval: an approved post reads "ready". */
  approvalRequired?: boolean;
  actions?: ReactNode;
}

/** One post in an overview list: its time, status, accounts and the start of its text, linking to it. */
export function PostGlanceItem({ post, to, when, withErrors, approvalRequired, actions }: PostGlanceItemProps) {
  const { t } = useTranslation();
  const errors = withErrors ? post.targets.filter((target) => target.error) : [];
  return (
    <li className="glance">
      <div className="glance-when">{when ?? <span className="muted">{t('overview.noTime')}</span>}</div>
      <div className="glance-main">
        <div className="glance-head">
          <StatusTag status={post.status} approvalRequired={approvalRequired} />
          <span className="glance-accounts">
            {post.targets.map((target) => (
              <span key={`${target.network}:${target.handle}`} className="account-chip" title={networkName(target.network)}>
                <UserText>{`@${target.handle}`}</UserText>
              </span>
            ))}
          </span>
        </div>
        <Link to={to} className="glance-text">
          {post.excerpt || t('overview.emptyPost')}
        </Link>
        {errors.map((target) => (
          <p key={target.handle} className="glance-error">
            {t('overview.networkSaid', { handle: target.handle, network: networkName(target.network), message: target.error })}
          </p>
        ))}
      </div>
      {actions ? <div className="glance-actions">{actions}</div> : null}
    </li>
  );
}
