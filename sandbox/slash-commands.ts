import { readFileSync } from 'node:fs';

/**
 * Which slash commands reach the bot: the ones its manifest declares. Slack itself answers any
 * other command, before any app hears of it, with an ephemeral note from Slackbot.
 */

const MANIFEST = new URL('../manifest.yml', import.meta.url);

/** The `command:` entries under `slash_commands` in manifest.yml, e.g. `['/schedule']`. */
export function manifestCommands(manifest = readFileSync(MANIFEST, 'utf8')): string[] {
  return [...manifest.matchAll(/^\s*-\s*command:\s*["']?(\/[\w-]+)["']?\s*$/gm)].map((m) => (m[1] ?? '').toLowerCase());
}

/** Slackbot's answer to a command no app and no built-in declares, as Slack words it. */
export function notACommand(command: string): string {
  return (
    `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.\n` +
    'If you are trying to send a message and not run a command, try preceding the "/" with an empty space.'
  );
}
