import { REST, Routes } from 'discord.js';
import { COMMANDS } from './commands.js';

export interface DeployOptions {
  readonly token: string;
  readonly appId: string;
  readonly apiBase: string;
  /** A guild's id: the commands appear there at once. Without it they are registered globally. */
  readonly guildId?: string;
}

/** Registers COMMANDS, replacing whatever was registered before; returns their names. */
export async function deployCommands(options: DeployOptions): Promise<string[]> {
  const rest = new REST({ api: options.apiBase }).setToken(options.token);
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.appId)
      : Routes.applicationGuildCommands(options.appId, options.guildId);
  const registered = (await rest.put(route, { body: COMMANDS })) as { name: string }[];
  return registered.map((command) => command.name);
}
