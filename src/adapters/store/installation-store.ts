import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SqlDb } from './sql.js';

/** An org-wide install answers for every workspace of the org; otherwise one per workspace. */
const keyOf = (isEnterpriseInstall: boolean | undefined, enterpriseId: string | undefined, teamId: string | undefined) =>
  isEnterpriseInstall && enterpriseId ? `E:${enterpriseId}` : `T:${teamId ?? ''}`;

/** Bolt's installations (bot tokens per workspace) kept in the bot's own database. */
export function sqlInstallationStore(db: SqlDb, now: () => number = Date.now): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf(installation.isEnterpriseInstall, installation.enterprise?.id, installation.team?.id);
      await db.query(
        'insert into slack_installations (key, installation, updated_at) values ($1, $2, $3) on conflict (key) do update set installation = excluded.installation, updated_at = excluded.updated_at',
        [key, JSON.stringify(installation), now()],
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
      const [row] = await db.query<{ installation: unknown }>('select installation from slack_installations where key = $1', [key]);
      if (!row) throw new Error(`no installation for ${key}`);
      return (typeof row.installation === 'string' ? JSON.parse(row.installation) : row.installation) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.query('delete from slack_installations where key = $1', [keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId)]);
    },
  };
}
