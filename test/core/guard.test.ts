import { describe, expect, it } from 'vitest';
import { cooldownNote, isMuted } from '../../src/core/guard.js';
import { MemoryStateStore } from '../../src/store/memory/state-store.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('guards', () => {
  it('a channel is muted until its time, or for good', async () => {
    const state = new MemoryStateStore();
    expect(await isMuted(state, 'c', NOW)).toBe(false);
    await state.saveChannelSettings('c', { mutedUntil: '2026-11-27T13:00:00.000Z' });
    expect(await isMuted(state, 'c', NOW)).toBe(true);
    expect(await isMuted(state, 'c', new Date('2026-11-27T13:00:00Z'))).toBe(false);
    await state.saveChannelSettings('c', { mutedUntil: 'forever' });
    expect(await isMuted(state, 'c', new Date('2030-01-01T00:00:00Z'))).toBe(true);
    await state.close();
  });

  it('a member asking again too soon gets the seconds left, per identity', async () => {
    const state = new MemoryStateStore();
    const member = { platform: 'slack' as const, id: 'U1', roles: [] };
    expect(await cooldownNote(state, member, 5000, NOW)).toBeNull();
    expect(await cooldownNote(state, member, 5000, new Date(NOW.getTime() + 1200))).toBe(
      'One moment please: you can ask again in 4 s.',
    );
    expect(await cooldownNote(state, { ...member, platform: 'discord' }, 5000, NOW)).toBeNull();
    await state.close();
  });
});
