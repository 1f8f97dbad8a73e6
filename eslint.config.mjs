// n8n's own community-node rule set, exactly as n8n's package scanner applies it.
import { config } from '@n8n/node-cli/eslint';

export default config;
