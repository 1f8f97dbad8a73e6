/** Tests run TypeScript straight through ts-jest; type errors are caught by `npm run typecheck`. */
const common = {
	preset: 'ts-jest',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testEnvironment: '<rootDir>/test/harness/time-zone-environment.js',
};

/**
 * Date and time code must not depend on the machine's time zone: these files run again with
 * the machine in two other zones (one behind UTC, one at a half-hour offset ahead).
 */
const TIME_ZONE_TESTS = [
	'<rootDir>/test/timeZone.test.ts',
	'<rootDir>/test/nodes/Userflow/shared/attributes/**/*.test.ts',
	'<rootDir>/test/nodes/Userflow/write/datesAndTimes.test.ts',
	'<rootDir>/test/nodes/Userflow/write/eventAndGuards.test.ts',
	'<rootDir>/test/nodes/UserflowTrigger/timestampOrder.test.ts',
];

module.exports = {
	testTimeout: 60_000,
	projects: [
		{ ...common, displayName: 'UTC', roots: ['<rootDir>/test'], testEnvironmentOptions: { timeZone: 'UTC' } },
		...['America/New_York', 'Asia/Kolkata'].map((timeZone) => ({
			...common,
			displayName: `TZ=${timeZone}`,
			testMatch: TIME_ZONE_TESTS,
			testEnvironmentOptions: { timeZone },
		})),
	],
};
