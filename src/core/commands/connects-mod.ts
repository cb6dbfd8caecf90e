import { en } from '../messages/en.js';
import { MODERATOR_ACTIONS } from '../moderation/action-list.js';
import { moderate } from '../use-cases/moderate.js';
import type { CommandGroup } from './command.js';

/**
 * `/connects-mod`: every moderator action (core/moderation/actions/), offered on every platform.
 * The action checks its arguments; the core decides who may.
 */
export const CONNECTS_MOD: CommandGroup = {
  name: 'connects-mod',
  description: en.commands.connectsMod,
  moderatorsOnly: true,
  commands: MODERATOR_ACTIONS.map((action) => ({
    name: action.name,
    description: action.description,
    parameters: action.parameters,
    run: (services, values, event) =>
      moderate(services, { id: event.id, actor: event.actor, action: action.name, values }),
  })),
};
