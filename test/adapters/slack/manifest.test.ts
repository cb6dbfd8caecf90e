import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = (name: string) =>
  parse(readFileSync(fileURLToPath(new URL(`../../../slack/${name}`, import.meta.url)), 'utf8')) as {
    features: { slash_commands: { command: string; url?: string; should_escape: boolean }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { bot_events: string[]; request_url?: string };
      interactivity: { is_enabled: boolean };
      socket_mode_enabled: boolean;
    };
  };

describe('the Slack app manifests', () => {
  for (const name of ['manifest.socket-mode.yaml', 'manifest.http.yaml']) {
    it(`${name} declares what the adapter listens to, and the scopes its calls need`, () => {
      const app = manifest(name);
      expect(app.features.slash_commands.map((command) => command.command)).toEqual([
        '/connects',
        '/connects-mod',
      ]);
      // Escaped user references (<@U123|name>) are what /connects-mod parses.
      expect(app.features.slash_commands.every((command) => command.should_escape)).toBe(true);
      expect(app.settings.event_subscriptions.bot_events).toEqual(['app_mention']);
      expect(app.settings.interactivity.is_enabled).toBe(true);
      // app_mention events; chat.postMessage/postEphemeral; slash commands; DMs to moderators.
      expect(app.oauth_config.scopes.bot).toEqual([
        'app_mentions:read',
        'chat:write',
        'commands',
        'im:write',
      ]);
    });
  }

  it('HTTP mode points every request at /slack/events; Socket Mode needs no URL', () => {
    const http = manifest('manifest.http.yaml');
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands.every((command) => command.url?.endsWith('/slack/events'))).toBe(
      true,
    );
    expect(http.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(manifest('manifest.socket-mode.yaml').settings.socket_mode_enabled).toBe(true);
  });
});
