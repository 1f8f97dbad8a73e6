/**
 * Runs the emulator standalone until Ctrl-C:
 *   npx ts-node --transpile-only emulator/cli.ts --port 4010 --seed-users 100 --seed-groups 10 --latency 30 --rate 20
 */
import { startEmulator } from './index';
import type { EmulatorOptions } from './types';

const USAGE = `Options:
  --port <n>            port on 127.0.0.1 (default 4010; 0 = random)
  --key <key>           API key to accept (default ak_emulator_test_key; repeat for several)
  --latency <ms>        delay before each answer
  --rate <n>            rate limit: requests per second per key (429 above it)
  --burst <n>           token-bucket size (default: the rate)
  --retry-after         send Retry-After on 429
  --errors <0..1>       share of requests answered 500/503
  --resets <0..1>       share of connections reset without an answer
  --fault-seed <n>      PRNG seed for faults
  --strict-version      answer 400 when the Userflow-Version header is missing
  --seed-users <n>      users to create
  --seed-groups <n>     groups to create
  --seed-content <n>    flows to create, each with --seed-sessions sessions
  --seed-sessions <n>   content sessions per seeded flow
  --webhook-delay <ms>  wait before delivering each webhook notification
  --webhook-signature <valid|wrong|none>  sign notifications correctly (default), wrongly, or not at all
  --webhook-stale <s>   date signatures this many seconds in the past
  --webhook-redeliveries <n>  send each delivered notification n more times (same id)`;

function parseArgs(argv: string[]): Map<string, string[]> {
	const args = new Map<string, string[]>();
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i];
		if (!name.startsWith('--')) throw new Error(`Unexpected argument '${name}'`);
		const flag = ['--retry-after', '--strict-version', '--help'].includes(name);
		const value = flag ? 'true' : argv[++i];
		if (value === undefined) throw new Error(`${name} needs a value`);
		args.set(name.slice(2), [...(args.get(name.slice(2)) ?? []), value]);
	}
	return args;
}

function numberArg(args: Map<string, string[]>, name: string): number | undefined {
	const value = args.get(name)?.[0];
	if (value === undefined) return undefined;
	const parsed = Number(value);
	if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number`);
	return parsed;
}

function webhookSignature(value: string | undefined): 'valid' | 'wrong' | 'none' | undefined {
	if (value === undefined || value === 'valid' || value === 'wrong' || value === 'none') return value;
	throw new Error('--webhook-signature must be valid, wrong or none');
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (args.has('help')) {
		console.log(USAGE);
		return;
	}
	const known = ['port', 'key', 'latency', 'rate', 'burst', 'retry-after', 'errors', 'resets', 'fault-seed', 'strict-version',
		'seed-users', 'seed-groups', 'seed-content', 'seed-sessions',
		'webhook-delay', 'webhook-signature', 'webhook-stale', 'webhook-redeliveries'];
	for (const name of args.keys()) if (!known.includes(name)) throw new Error(`Unknown option --${name}\n${USAGE}`);

	const rate = numberArg(args, 'rate');
	const errors = numberArg(args, 'errors');
	const resets = numberArg(args, 'resets');
	const options: EmulatorOptions = {
		port: numberArg(args, 'port') ?? 4010,
		apiKeys: args.get('key'),
		latencyMs: numberArg(args, 'latency'),
		rateLimit: rate ? { perSecond: rate, burst: numberArg(args, 'burst'), retryAfter: args.has('retry-after') } : null,
		faults: errors || resets ? { serverErrorRate: errors, resetRate: resets, seed: numberArg(args, 'fault-seed') } : null,
		strictVersionHeader: args.has('strict-version'),
		webhooks: {
			delayMs: numberArg(args, 'webhook-delay'),
			signature: webhookSignature(args.get('webhook-signature')?.[0]),
			timestampOffsetSeconds: -(numberArg(args, 'webhook-stale') ?? 0),
			redeliveries: numberArg(args, 'webhook-redeliveries'),
		},
	};
	const emulator = await startEmulator(options);
	emulator.seedUsers(numberArg(args, 'seed-users') ?? 0);
	emulator.seedGroups(numberArg(args, 'seed-groups') ?? 0);
	const sessions = numberArg(args, 'seed-sessions') ?? 0;
	for (const contentId of emulator.seedContent(numberArg(args, 'seed-content') ?? 0)) {
		if (sessions > 0) emulator.seedContentSessions(sessions, { contentId });
	}

	const store = emulator.store;
	console.log(`Userflow emulator listening on ${emulator.baseUrl}`);
	console.log(`API key: ${emulator.apiKey}`);
	console.log(
		`Seeded: ${store.users.size} users, ${store.groups.size} groups, ${store.content.size} content, ${store.contentSessions.size} sessions`,
	);
	console.log('In n8n: Userflow API credential -> Base URL = the address above. Ctrl-C to stop.');
	console.log('Webhook notifications of every write are delivered to the subscriptions and printed here.');
	emulator.webhooks.onDeliveryEnd((record) => {
		const statuses = record.attempts.map((attempt) => attempt.status || attempt.error).join(', ');
		const again = record.redelivery > 0 ? ` (redelivery ${record.redelivery})` : '';
		console.log(`webhook ${record.notification.topic} ${record.notification.id}${again} -> ${record.url}: ${record.state} [${statuses}]`);
	});

	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
