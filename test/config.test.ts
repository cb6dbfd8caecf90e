import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('runs with nothing set, with the documented defaults', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.DATA_DIR).toBe('./data');
    expect(result.config.DISCORD_API_BASE).toBe('https://discord.com/api');
    expect(result.config.SLACK_API_URL).toBe('https://slack.com/api/');
    expect(result.config.HELP_CHANNEL_IDS).toEqual([]);
    expect(result.config.LOG_LEVEL).toBe('info');
  });

  it('treats empty values as unset and splits id lists', () => {
    const result = parseConfig({
      DISCORD_TOKEN: '',
      HELP_CHANNEL_IDS: '111111111111111111, 222222222222222222',
    });
    expect(result.ok && result.config.HELP_CHANNEL_IDS).toEqual(['111111111111111111', '222222222222222222']);
  });

  it('refuses a SQLite state store without a file, which would lose mutes, the audit log and taught examples at exit', () => {
    for (const url of ['sqlite://', 'sqlite://:memory:']) {
      const result = parseConfig({ KEYV_URL: url });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.message).toContain('KEYV_URL sqlite:// needs a file path');
    }
    expect(parseConfig({ KEYV_URL: 'sqlite:///var/lib/helpbot/state.sqlite' }).ok).toBe(true);
  });

  it('names every bad or missing variable in one message', () => {
    const result = parseConfig({
      DISCORD_APP_ID: '12',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxb-123',
      KEYV_URL: 'mysql://x',
      HELP_CHANNEL_IDS: '123,abc',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.split('\n')).toHaveLength(1);
    for (const name of [
      'DISCORD_APP_ID',
      'LOG_LEVEL',
      'KEYV_URL',
      'HELP_CHANNEL_IDS',
      'DISCORD_TOKEN is needed',
      'SLACK_BOT_TOKEN needs',
    ]) {
      expect(result.message).toContain(name);
    }
  });

  it("reads discord.js's sharding: how many shards, and which this process runs", async () => {
    const { discordSettings } = await import('../src/adapters/discord/settings.js');
    const settingsOf = (env: Record<string, string>) => {
      const result = parseConfig(env);
      if (!result.ok) throw new Error(result.message);
      return discordSettings(result.config).shards;
    };
    expect(settingsOf({})).toBeUndefined();
    expect(settingsOf({ SHARD_COUNT: '4', SHARD_IDS: '2, 3' })).toEqual({ count: 4, ids: [2, 3] });
    expect(settingsOf({ SHARD_COUNT: '2' })).toEqual({ count: 2, ids: [0, 1] });
    const needsCount = parseConfig({ SHARD_IDS: '1' });
    expect(needsCount.ok ? '' : needsCount.message).toContain('SHARD_IDS needs SHARD_COUNT');
    const outOfRange = parseConfig({ SHARD_COUNT: '2', SHARD_IDS: '0,2' });
    expect(outOfRange.ok ? '' : outOfRange.message).toContain('SHARD_IDS must each be below SHARD_COUNT (2)');
  });
});
