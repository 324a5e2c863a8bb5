import type { RoleName } from '../../shared/permissions.js';
import { answerMemo, type MemoAnswer } from '../../http/answer-memo.js';
import { dataStamp } from '../../store/data-stamp.js';
import type { ListOptions } from './schema.js';
import type { FilterScope } from './filters.js';
import { listItems } from './list.js';

/**
 * A page of the inbox, given again from memory while nothing in the database changed since it was made (the
 * stamp is read first, so a page is never older than the data). "Mine" is the asker's own page; every other page
 * is the same for every reader of the workspace's inbox with the same role.
 */
export async function rememberedPage(scope: FilterScope, opts: ListOptions, role: RoleName, maxBytes: number): Promise<MemoAnswer> {
  const memo = answerMemo(scope.store, maxBytes);
  if (!memo.enabled) return memo.answer('', '', () => listItems(scope, opts));
  const stamp = scope.stamp ?? (await dataStamp(scope.store));
  const key = [scope.workspaceId, role, opts.assigneeId === 'me' ? scope.userId : '', JSON.stringify(Object.entries(opts).sort())].join('|');
  return memo.answer(key, stamp, () => listItems(scope, opts));
}
