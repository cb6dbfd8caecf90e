import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import * as actions from './actions.js';
import * as commands from './commands.js';
import * as events from './events.js';

/** Every listener, by kind, as Bolt's own starter app registers them. */
export function registerListeners(app: App, ctx: SlackContext): void {
  commands.register(app, ctx);
  events.register(app, ctx);
  actions.register(app, ctx);
}
