import { describe, expect, it } from 'vitest';
import { MATRIX, PERMISSIONS, ROLES, assignableRoles, can } from './permissions.js';

describe('permission matrix', () => {
  it('gives owners and admins everything, and clients only viewing and approving', () => {
    for (const p of PERMISSIONS) {
      expect(can('owner', p)).toBe(true);
      expect(can('admin', p)).toBe(true);
    }
    expect([...MATRIX.client].sort()).toEqual(['analytics.read', 'posts.approve', 'posts.read', 'workspace.read']);
  });

  it('keeps the audit log and member management to owners and admins', () => {
    for (const role of ROLES) {
      const manager = role === 'owner' || role === 'admin';
      expect(can(role, 'audit.read')).toBe(manager);
      expect(can(role, 'members.invite')).toBe(manager);
      expect(assignableRoles(role).length > 0).toBe(manager);
    }
    expect(assignableRoles('admin')).not.toContain('owner');
  });

  it('fits each role to its trade', () => {
    expect(can('community_manager', 'moderation.act')).toBe(true);
    expect(can('content_creator', 'posts.publish')).toBe(false);
    expect(can('paid_media_manager', 'ads.manage')).toBe(true);
    expect(can('analyst', 'posts.write')).toBe(false);
  });
});
