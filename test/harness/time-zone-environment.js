/**
 * Jest's node environment with the machine's time zone set for one test file: the date and
 * time tests run again in other zones (see jest.config.js), so code that reads a time without
 * a zone in local time instead of UTC cannot pass in CI's UTC alone. `process.env.TZ` must be
 * set on the worker process itself (a test's sandboxed `process.env` does not reach V8), and
 * is put back after the file, because workers run files of every project.
 */
const { TestEnvironment } = require('jest-environment-node');

class TimeZoneEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.timeZone = config.projectConfig.testEnvironmentOptions.timeZone ?? 'UTC';
		this.global.TEST_TIME_ZONE = this.timeZone;
	}

	async setup() {
		this.previousTimeZone = process.env.TZ;
		process.env.TZ = this.timeZone;
		await super.setup();
	}

	async teardown() {
		if (this.previousTimeZone === undefined) delete process.env.TZ;
		else process.env.TZ = this.previousTimeZone;
		await super.teardown();
	}
}

module.exports = TimeZoneEnvironment;
